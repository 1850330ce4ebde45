/**
 * The store's HTTP API ({@link org.newsline.store.api.StoreApi}, a route set for the process's one HTTP
 * server) and the port it needs to change subscriptions ({@link org.newsline.store.api.FeedSubscriptions}).
 */
package org.newsline.store.api;
