# CI stand-in for apache/kafka where no registry is reachable: a real single-node KRaft broker
# (`newsctl broker`) on the local JRE base image. It listens on 127.0.0.1 only, so run it with host
# networking: docker run --network host newsline/kafka-local:ci --port 19092
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
COPY newsctl/target/newsctl.jar /app/newsctl.jar
RUN mkdir -p /var/lib/kafka/data && chown -R 10001:10001 /var/lib/kafka
USER 10001:10001
# C1 only and the serial collector: the broker starts in about half the time on small CI machines
ENV JAVA_TOOL_OPTIONS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError"
VOLUME /var/lib/kafka/data
ENTRYPOINT ["java", "-jar", "/app/newsctl.jar", "broker", "--data-dir", "/var/lib/kafka/data"]
CMD ["--port", "9092"]
