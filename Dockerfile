# One multi-stage build for the three services:
#   docker build --build-arg SERVICE=ingest-service -t newsline/ingest-service .
# BASE_IMAGE is the runtime image (a JRE 17 or newer); BUILD_IMAGE builds the jars.
ARG BASE_IMAGE=eclipse-temurin:17.0.16_8-jre-jammy
ARG BUILD_IMAGE=eclipse-temurin:17.0.16_8-jdk-jammy

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY news-events news-events
COPY news-runtime news-runtime
COPY news-broker news-broker
COPY ingest-service ingest-service
COPY extract-service extract-service
COPY store-service store-service
COPY newsctl newsctl
RUN ./mvnw -B -q -ntp -DskipTests package -pl ingest-service,extract-service,store-service -am

FROM ${BASE_IMAGE}
ARG SERVICE
COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar /app/app.jar
# a non-root user; every setting comes from NEWSLINE_* environment variables
USER 10001:10001
ENV NEWSLINE_HTTP_HOST=0.0.0.0 \
    NEWSLINE_HTTP_PORT=8080 \
    NEWSLINE_DATA_DIR=/tmp/newsline \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD ["java", "-cp", "/app/app.jar", "org.newsline.runtime.health.HealthProbe"]
# exec form: java is PID 1 and gets SIGTERM, which finishes the batch, commits and exits
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
