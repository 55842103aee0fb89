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

# Runs every test: the Java build (unit, property, integration and artifact tests), the template lint.
.PHONY: test
test:
	mvn -B verify
	cfn-lint template.yaml
