"""Documents -> chunks: loaders, structure detection, chunking, and writing to the store."""
