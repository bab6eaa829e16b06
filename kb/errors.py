"""Domain errors. The CLI and the app turn these into user messages; kb/ never swallows them."""


class KBError(Exception):
    """Base class for every error the knowledge base raises on purpose."""


class ConfigError(KBError):
    """A setting has a value the knowledge base cannot use."""


class ModelMismatchError(KBError):
    """The store was built with a different embedding model than the one configured."""


class StoreUnavailableError(KBError):
    """The vector store cannot be opened (server unreachable, folder locked or unreadable)."""


class DocumentRejected(KBError):
    """A file cannot be ingested; the message names the reason."""


class LLMError(KBError):
    """The configured language model failed or could not be reached."""


class StoreBusyError(KBError):
    """Another process kept the store's write lock past the lock timeout."""


class TooManyAreasError(KBError):
    """A comparison or coverage matrix of every area was asked of a store of too many areas."""


class UnknownAreaError(KBError, ValueError):
    """An area was asked for by a key or name that no indexed or listed area has."""
