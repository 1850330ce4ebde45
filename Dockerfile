# One multi-stage build for the three services, from source:
#   docker build --build-arg SERVICE=ingest-service -t newsline/ingest-service:0.1.0 .
# SERVICE is ingest-service, extract-service or store-service. BASE_IMAGE is the runtime image (a JRE 17 or
# newer), BUILD_IMAGE the JDK image that builds the jars. Dockerfile.prebuilt makes the same image from jars
# built on the host (./mvnw -q -DskipTests package), without a JDK image.
ARG BASE_IMAGE=eclipse-temurin:17.0.16_8-jre-jammy
ARG BUILD_IMAGE=eclipse-temurin:17.0.16_8-jdk-jammy

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
# poms and sources only (a host build's target/ stays out)
COPY news-events/pom.xml news-events/
COPY news-runtime/pom.xml news-runtime/
COPY news-broker/pom.xml news-broker/
COPY ingest-service/pom.xml ingest-service/
COPY extract-service/pom.xml extract-service/
COPY store-service/pom.xml store-service/
COPY newsctl/pom.xml newsctl/
COPY news-events/src news-events/src
COPY news-runtime/src news-runtime/src
COPY news-broker/src news-broker/src
COPY ingest-service/src ingest-service/src
COPY extract-service/src extract-service/src
COPY store-service/src store-service/src
RUN ./mvnw -B -q -ntp -DskipTests package -pl ingest-service,extract-service,store-service -am

FROM ${BASE_IMAGE}
ARG SERVICE
COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar /app/app.jar
# --- the runtime part; keep it the same as in Dockerfile.prebuilt ---
# a non-root user (numeric, so no passwd entry is needed in any base image); every setting comes from
# NEWSLINE_* environment variables (see the README, "Configuration")
USER 10001:10001
ENV NEWSLINE_HTTP_HOST=0.0.0.0 \
    NEWSLINE_HTTP_PORT=8080 \
    NEWSLINE_DATA_DIR=/tmp/newsline \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
# /health through a JVM-only probe (no curl or wget in the image); it reads NEWSLINE_HTTP_PORT
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD ["java", "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-cp", "/app/app.jar", "org.newsline.runtime.health.HealthProbe"]
# exec form: java is PID 1 and gets SIGTERM, which finishes the batch, commits and exits
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
