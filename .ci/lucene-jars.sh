#!/usr/bin/env bash
# Fetches the Lucene jars of Neo4j 5.26 (9.11.1: core, analysis-common, queryparser) from
# Maven Central into a cache, checks their SHA-1 against Maven Central's, and prints the
# classpath for LUCENE_CLASSPATH (neo4j/fulltext_test.go runs Lucene with it). Installs a
# Java runtime from Debian if there is none.
set -euo pipefail
version=9.11.1
cache="${XDG_CACHE_HOME:-$HOME/.cache}/lsgatlas/lucene-$version"
mkdir -p "$cache"

if ! command -v java >/dev/null 2>&1; then
  apt-get update -qq >&2 && apt-get install -y -qq default-jre-headless >/dev/null
fi

cp=""
for artifact in lucene-core lucene-analysis-common lucene-queryparser; do
  jar="$cache/$artifact-$version.jar"
  url="https://repo1.maven.org/maven2/org/apache/lucene/$artifact/$version/$artifact-$version.jar"
  if [ ! -s "$jar" ]; then
    curl -fsSL --retry 3 -o "$jar.tmp" "$url"
    want=$(curl -fsSL --retry 3 "$url.sha1" | cut -d' ' -f1)
    got=$(sha1sum "$jar.tmp" | cut -d' ' -f1)
    if [ "$want" != "$got" ]; then
      echo "lucene-jars: $artifact: sha1 $got, Maven Central says $want" >&2; rm -f "$jar.tmp"; exit 1
    fi
    mv "$jar.tmp" "$jar"
  fi
  cp="$cp${cp:+:}$jar"
done
echo "$cp"
