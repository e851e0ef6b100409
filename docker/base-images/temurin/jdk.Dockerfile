# Stand-in for eclipse-temurin:17-jdk where no registry answers: Debian 12's OpenJDK 17 (the same
# OpenJDK sources Temurin builds) laid out as the upstream image documents it, JAVA_HOME=/opt/java/openjdk
# and java, javac and jar on the PATH, plus what docker/Dockerfile's build stage runs: the Maven wrapper,
# which downloads Maven with curl and unpacks it with tar.
FROM ftgo-base/debian:bookworm
RUN apt-get update \
	&& DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
		openjdk-17-jdk-headless ca-certificates curl tar gzip unzip \
	&& rm -rf /var/lib/apt/lists/* \
	&& mkdir -p /opt/java \
	&& ln -s "$(dirname "$(dirname "$(readlink -f /usr/bin/javac)")")" /opt/java/openjdk
ENV JAVA_HOME=/opt/java/openjdk \
	PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
	LANG=C.UTF-8
CMD ["jshell"]
