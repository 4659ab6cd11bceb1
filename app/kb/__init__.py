"""The knowledge base: articles, their versions and usage, and Chinese-capable search."""
