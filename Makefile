# koreai.campaign developer commands. Everything runs from .venv (created on first use).
#   make demo   start the local sandbox and run playbooks/quickstart.yml against it
#   make test   sanity + lint + unit + galaxy-importer + integration + the ansible-core matrix (what CI runs: .ci/run)

SHELL := /bin/bash

.DEFAULT_GOAL := help

.PHONY: help demo test matrix galaxy-importer bench venv build stage sanity lint unit integration reliability-report changelog changelog-release clean distclean

help:
	@echo "make demo         sandbox + playbooks/quickstart.yml with the installed collection"
	@echo "make test         venv, sanity, lint, unit, galaxy, integration, matrix (fail fast, timed summary)"
	@echo "make matrix       ansible-core 2.16-2.21: version-dependent sanity, unit, smoke integration (LINES=\"2.16 2.18\")"
	@echo "make galaxy-importer  Galaxy's importer on the built tarball (no error, no warning)"
	@echo "make sanity       ansible-test sanity (offline) on a staged copy"
	@echo "make lint         ansible-lint, production profile"
	@echo "make unit         pytest tests/unit"
	@echo "make integration  pytest tests/integration against the installed collection"
	@echo "make bench        API calls per operation, overhead vs uri, bulk stops; writes docs/performance.md"
	@echo "make reliability-report  docs/reliability.md from the last test run's reliability records"
	@echo "make build        build + install the collection into .tmp/collections"
	@echo "make changelog    antsibull-changelog lint (fragments in changelogs/fragments/)"
	@echo "make changelog-release  antsibull-changelog release (version from galaxy.yml)"
	@echo "make venv         create/update .venv;  make clean / distclean"

demo:
	@bash scripts/demo.sh

test:
	@bash scripts/test.sh

matrix:
	@bash scripts/matrix.sh $(LINES)

galaxy-importer:
	@bash scripts/galaxy-importer.sh

bench:
	@bash scripts/collection.sh install >/dev/null && \
		ANSIBLE_COLLECTIONS_PATH="$(CURDIR)/.tmp/collections" ANSIBLE_COLLECTIONS_SCAN_SYS_PATH=false \
		.venv/bin/python scripts/bench.py $(BENCH_ARGS)

venv:
	@bash scripts/venv.sh

build:
	@bash scripts/collection.sh install

stage:
	@bash scripts/collection.sh stage

sanity:
	@bash scripts/sanity.sh

lint:
	@bash scripts/lint.sh

unit:
	@bash scripts/pytest.sh unit

integration:
	@bash scripts/pytest.sh integration

reliability-report: venv
	@.venv/bin/python scripts/reliability_report.py --check

changelog: venv
	@.venv/bin/antsibull-changelog lint && echo "changelog: fragments OK"

changelog-release: venv
	@.venv/bin/antsibull-changelog release

clean:
	rm -rf .tmp .ansible tests/output .pytest_cache .hypothesis .coverage changelogs/.plugin-cache.yaml
	find . -path ./.venv -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf .venv
