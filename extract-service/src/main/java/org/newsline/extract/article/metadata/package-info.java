/** Page metadata: JSON-LD, OpenGraph, meta tags, microdata, time elements and bylines. */
package org.newsline.extract.article.metadata;
