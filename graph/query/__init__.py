"""Query stage: named SPARQL queries over a store or dataset, and the FORMAT facts view."""
