#!/usr/bin/env bash
# A throwaway Neo4j 5.26 Community on 127.0.0.1 for people without Docker (and for CI).
# Needs Java 17+ and Maven; the first run downloads the pinned jars from Maven Central
# (about 170 MB into ~/.m2), later runs are offline.
#
#   ./neo4j/devserver/run.sh [--port 7687] [--password atlas-dev-password] [--data DIR] [--ignore-stdin]
#
# It prints the Bolt URI on stdout once Neo4j answers RETURN 1 (all other output goes to
# stderr), e.g. bolt://127.0.0.1:7687; then, in another terminal:
#
#   NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=atlas-dev-password go run .
#
# Without --data the database lives in a temporary folder deleted at exit. It stops on
# Ctrl-C, when stdin closes (Ctrl-D), or when the process that started it exits;
# pass --ignore-stdin when starting it in the background with stdin closed.
# DEVSERVER_HEAP sets the JVM's maximum heap (default 1g).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/target/devserver.jar"

if [ ! -f "$jar" ] || [ -n "$(find "$here/pom.xml" "$here/src" -newer "$jar" -print -quit)" ]; then
  echo "devserver: building (mvn package)" >&2
  # Offline first: after one download everything is in ~/.m2.
  if ! (cd "$here" && mvn -q -B -o -Dstyle.color=never package >/dev/null 2>&1); then
    (cd "$here" && mvn -q -B -Dstyle.color=never package) >&2
  fi
fi

# The JVM watches the process that ran this script (its parent once exec'd) from the
# start, and stops if it has exited already.
export DEVSERVER_PARENT=$PPID
exec java -Xms256m -Xmx"${DEVSERVER_HEAP:-1g}" -cp "$jar:$here/target/lib/*" atlas.devserver.DevServer "$@"
