# The development identity, for docker-compose.yml and k8s/overlays/local: `./stack identity` in a container.
# It serves the JWK set every application verifies tokens with (GET /.well-known/jwks.json) and hands out
# tokens of any role to whoever asks (POST /tokens). DEVELOPMENT ONLY: in production the applications'
# FTGO_JWKSETURI points at a real identity provider, and this image is not deployed.
#
#   docker build -f docker/identity.Dockerfile -t ftgo/identity:0.1.0 .
#
# The build context is the repository root, as for docker/Dockerfile.

# ---- build: dev-stack, the module that holds the identity ----
FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
COPY . .
# the same locked cache as docker/Dockerfile, which compose builds in parallel with this one
# Behind a TLS-intercepting proxy or with a private Maven mirror, pass extra CA certificates and a
# settings.xml as BuildKit secrets (docker/build-stage/maven says how); they never reach a layer.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
	--mount=type=secret,id=ca-certificates,required=false \
	--mount=type=secret,id=maven-settings,required=false \
	bash docker/build-stage/maven -B -q -pl dev-stack -am package -Dmaven.test.skip=true \
	&& mkdir -p /identity/lib \
	&& cp dev-stack/target/dev-stack-cli.jar /identity/ \
	&& cp dev-stack/target/lib/nimbus-jose-jwt-*.jar dev-stack/target/lib/picocli-*.jar /identity/lib/

# ---- runtime: a JRE, the launcher jar and the two libraries the identity uses, a non-root user ----
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 app \
	&& useradd --system --uid 10001 --gid app --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin app \
	&& mkdir -p /var/lib/ftgo-identity \
	&& chown 10001:10001 /var/lib/ftgo-identity \
	&& chmod 0700 /var/lib/ftgo-identity
WORKDIR /app
# dev-stack-cli.jar's manifest names every jar the whole dev stack needs (embedded PostgreSQL, Kafka
# clients, ...); the JVM skips the ones that are not there, and the identity touches none of them but
# nimbus-jose-jwt and picocli (the command line). Owned by root: the process can read its code but not change it.
COPY --from=build /identity/ ./
COPY --chmod=0755 docker/healthcheck.sh /usr/local/bin/healthcheck

LABEL org.opencontainers.image.title="identity" \
	org.opencontainers.image.source="docker/identity.Dockerfile"

# The port the identity listens on (--identity-port below) and the one the health check probes.
ENV SERVER_PORT=8090
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8090

USER 10001:10001

HEALTHCHECK --interval=5s --timeout=5s --start-period=30s --retries=3 CMD ["/usr/local/bin/healthcheck", "/.well-known/jwks.json"]

# Every interface of the container: the compose network and the pod network reach it, the host only where
# docker-compose.yml publishes it (127.0.0.1). The key is created at the first start in /var/lib/ftgo-identity,
# which compose keeps in a volume (tokens survive a restart) and Kubernetes in an emptyDir; the root file
# system can stay read-only.
ENTRYPOINT ["java", "-jar", "/app/dev-stack-cli.jar", "identity", "--bind=0.0.0.0", "--identity-port=8090", \
	"--key-file=/var/lib/ftgo-identity/signing-key.jwk.json"]
