# Stand-in for eclipse-temurin:17-jre where no registry answers: Debian 12's OpenJDK 17 runtime with the
# upstream image's documented layout (JAVA_HOME=/opt/java/openjdk, java on the PATH) and the tools
# docker/Dockerfile's runtime stage uses: bash (the health check), groupadd and useradd.
FROM ftgo-base/debian:bookworm
RUN apt-get update \
	&& DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
		openjdk-17-jre-headless ca-certificates \
	&& rm -rf /var/lib/apt/lists/* \
	&& mkdir -p /opt/java \
	&& ln -s "$(dirname "$(dirname "$(readlink -f /usr/bin/java)")")" /opt/java/openjdk
ENV JAVA_HOME=/opt/java/openjdk \
	PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
	LANG=C.UTF-8
CMD ["jshell"]
