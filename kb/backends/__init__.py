"""Backends behind small protocols: vector store, lexical index, embedder, language model."""
