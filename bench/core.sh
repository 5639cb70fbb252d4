# Sourced by the bench scripts that also run the optimizer core on hand-written Java objectives
# (gradus.bench.OptimCore in src/test/java): compiles the test classes once and sets CORE to the
# java command line that runs it.
log=target/bench-build.log
mkdir -p target
mvn -q -B -ntp -DskipTests test-compile >"$log" 2>&1 || { cat "$log"; exit 2; }
if [ ! -f target/bench.classpath ] || [ pom.xml -nt target/bench.classpath ]; then
  mvn -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >"$log" 2>&1 ||
    { cat "$log"; exit 2; }
fi
CORE=(java -XX:+UseSerialGC -cp "target/classes:target/test-classes:$(cat target/bench.classpath)"
  gradus.bench.OptimCore)
