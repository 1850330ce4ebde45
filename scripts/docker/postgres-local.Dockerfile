# CI stand-in for the official postgres image where no registry is reachable: Debian's PostgreSQL 15 (a root
# filesystem scripts/docker-env.sh builds from Debian packages) with an entrypoint that honours the official
# image's interface (POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB, PGDATA, `postgres -c ...` as the command),
# so compose and Testcontainers' PostgreSQLContainer use it unchanged. Extra: PGPORT (default 5432) and POSTGRES_LISTEN_ADDRESSES (default *).
ARG PG_BASE_IMAGE=newsline/postgresql-base:bookworm-15
FROM ${PG_BASE_IMAGE}
RUN mkdir -p /var/lib/postgresql/data /var/run/postgresql \
 && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql \
 && chmod 700 /var/lib/postgresql/data
COPY scripts/docker/postgres-entrypoint.sh /usr/local/bin/postgres-entrypoint.sh
ENV PATH=/usr/lib/postgresql/15/bin:$PATH \
    PGDATA=/var/lib/postgresql/data \
    PGPORT=5432
USER postgres
VOLUME /var/lib/postgresql/data
EXPOSE 5432
STOPSIGNAL SIGINT
ENTRYPOINT ["/usr/local/bin/postgres-entrypoint.sh"]
CMD ["postgres"]
