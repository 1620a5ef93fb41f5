# Sourced by ./mvnw and by infra/bin/stack (POSIX sh, no bashisms).
# Exports JAVA_HOME as a JDK of at least CPL_JDK_MIN (21): the project compiles to Java 21 and runs
# Apicurio, which needs 21+, while this kind of machine's default java is 17.
CPL_JDK_MIN=${CPL_JDK_MIN:-21}

cpl_java_major() {
  "$1/bin/java" -version 2>&1 | sed -n 's/.* version "\([0-9][0-9]*\).*/\1/p' | head -n 1
}

cpl_use_jdk() {
  for cpl_candidate in "${JAVA_HOME-}" /usr/lib/jvm/*; do
    [ -n "$cpl_candidate" ] && [ -x "$cpl_candidate/bin/javac" ] || continue
    cpl_major=$(cpl_java_major "$cpl_candidate")
    if [ -n "$cpl_major" ] && [ "$cpl_major" -ge "$CPL_JDK_MIN" ]; then
      JAVA_HOME=$cpl_candidate
      export JAVA_HOME
      return 0
    fi
  done
  echo "error: cloudphone-ledger needs a JDK $CPL_JDK_MIN+ (none in JAVA_HOME or /usr/lib/jvm). Install one (e.g. a Temurin 21+ package) or set JAVA_HOME to it." >&2
  return 1
}
