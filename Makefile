# Runs every test: the Java build (unit, property, integration and artifact tests), the template lint.
.PHONY: test
test:
	mvn -B verify
	cfn-lint template.yaml
