# SAM's makefile builder runs `make build-<FunctionLogicalId>` with ARTIFACTS_DIR set; the Lambda
# Java runtime loads the artifact's classes from its root and its dependencies from lib/*.jar.
MVN ?= mvn -B -q
HANDLERS := functions/handlers

.PHONY: build-PaletteFunction
build-PaletteFunction:
	$(MVN) -DskipTests -Dspotless.check.skip=true -pl $(HANDLERS) -am package
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp -R $(HANDLERS)/target/classes/. "$(ARTIFACTS_DIR)/"
	cp $(HANDLERS)/target/lib/*.jar "$(ARTIFACTS_DIR)/lib/"

# The API function ships the same handlers module; only its handler class differs.
.PHONY: build-ApiFunction
build-ApiFunction: build-PaletteFunction

# So does the film-grab lane's function.
.PHONY: build-FilmGrabFunction
build-FilmGrabFunction: build-PaletteFunction

# The site's npm packages, from its lock file. The command's build copies plotly.js from them.
.PHONY: site-packages
site-packages:
	cd site && npm ci --no-audit --no-fund --loglevel=error

# Worker speed: warm handling of a 1920x1080 JPEG on one core (BENCH_CPUS=2 for two), and the
# artifact's cold start. BENCH_ARGS: warm runs, cold runs, WIDTHxHEIGHT. The warm part runs in a
# JVM with the serial collector (Lambda's), the worker's memory and its JAVA_TOOL_OPTIONS from the
# template; BENCH_JVM='-XX:TieredStopAtLevel=1' measures other options the same way.
WORKER_JVM = $(shell awk '/^  PaletteFunction:/{f=1} f && /JAVA_TOOL_OPTIONS:/{gsub(/.*JAVA_TOOL_OPTIONS: "|"$$/, ""); print; exit}' template.yaml)
# The worker's memory (the template's MemorySize default): the JVM sizes its heap from it, as in
# the function's micro-VM and under the local runtime.
WORKER_MB = $(shell awk '/^  MemorySize:/{f=1} f && /Default:/{print $$2; exit}' template.yaml)

.PHONY: bench-worker
bench-worker: site-packages
	$(MVN) -o -DskipTests -Dspotless.check.skip=true -pl local -am test-compile dependency:build-classpath \
	  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
	java -XX:ActiveProcessorCount=$(or $(BENCH_CPUS),1) -XX:MaxRAM=$(WORKER_MB)m $(or $(BENCH_JVM),$(WORKER_JVM)) -XX:+UseSerialGC -cp "local/target/test-classes:local/target/classes:$$(cat local/target/bench.classpath)" \
	  palette.local.bench.WorkerBench $(BENCH_ARGS)

# Runs every test: the Java build (unit, property, integration and artifact tests), the template
# lint, and the site's end-to-end tests in headless Chromium against `palette serve`.
.PHONY: test
test: site-packages
	mvn -B verify
	cfn-lint template.yaml
	cd site && npm -s test
