# Sourced by ./mvnw and the scripts under bin/ and .ci/: makes JAVA_HOME point at a JDK >= 21.
# Why: Masthead needs Java 21+, while the default `java` on our build machines is 17 and a newer
# JDK sits beside it under /usr/lib/jvm. An explicit JAVA_HOME of 21+ always wins.
masthead_java_major() {
  "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}
masthead_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(masthead_java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  best="" best_major=0
  case $- in *f*) masthead_noglob=1 ;; *) masthead_noglob=0 ;; esac
  set +f
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(masthead_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best="$candidate" best_major="$major"
    fi
  done
  [ "$masthead_noglob" = 1 ] && set -f
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(masthead_java_major "$candidate")
    [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null && best="$candidate"
  fi
  if [ -z "$best" ]; then
    echo "Masthead needs a JDK 21 or newer: set JAVA_HOME to one (none found under /usr/lib/jvm)." >&2
    return 1
  fi
  JAVA_HOME="$best"
  export JAVA_HOME
  PATH="$JAVA_HOME/bin:$PATH"
  export PATH
}
masthead_find_jdk || exit 1
