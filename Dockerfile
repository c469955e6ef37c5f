# Oversight container image: builds the jar with Maven, runs it on a JRE.
# Used by docker-compose.yml (PostgreSQL mode). Build context: the repository root.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline
COPY processes ./processes
COPY src ./src
RUN mvn -B -q -Dlint.skip -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 oversight
WORKDIR /app
COPY --from=build /src/target/oversight-*.jar /app/oversight.jar
USER oversight
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/oversight.jar"]
