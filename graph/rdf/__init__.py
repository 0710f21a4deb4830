"""RDF stage: ontology terms, deterministic IRIs, extraction -> named-graph builder, SHACL validation."""
