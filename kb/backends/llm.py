"""Optional LLM backends through LangChain chat models (installed with the `llm` extra)."""

from __future__ import annotations

import os
from typing import Any, Protocol

from kb.config import Settings
from kb.errors import ConfigError, LLMError


class LLM(Protocol):
    """Generates text from a system and a user message."""

    name: str

    def generate(self, system: str, user: str) -> str:
        """Return the model's reply; raise LLMError when it cannot."""
        ...


class ChatModelLLM:
    """Any LangChain chat model (ChatOpenAI, ChatOllama, or a fake in tests)."""

    def __init__(self, model: Any, name: str) -> None:
        """Wrap a LangChain chat model under a display name (e.g. `openai:llama3`)."""
        self._model = model
        self.name = name

    def generate(self, system: str, user: str) -> str:
        """Invoke the model; any client failure becomes LLMError (callers fall back)."""
        from langchain_core.messages import HumanMessage, SystemMessage

        try:
            reply = self._model.invoke([SystemMessage(content=system), HumanMessage(content=user)])
        except Exception as exc:
            raise LLMError(f"{self.name} failed: {type(exc).__name__}: {exc}") from exc
        content = getattr(reply, "content", reply)
        return content if isinstance(content, str) else str(content)


def make_llm(settings: Settings) -> LLM | None:
    """The configured LLM, or None for `KB_LLM=none`.

    Raises:
        ConfigError: an unknown provider, or its LangChain package is not installed.
    """
    if settings.llm == "none":
        return None
    provider, _, model = settings.llm.partition(":")
    try:
        if provider == "openai":
            from langchain_openai import ChatOpenAI

            return ChatModelLLM(ChatOpenAI(model=model, base_url=os.environ.get("OPENAI_BASE_URL"),
                                           api_key=os.environ.get("OPENAI_API_KEY", "not-needed"),
                                           temperature=0, timeout=60, max_retries=1),
                                settings.llm)
        if provider == "ollama":
            from langchain_ollama import ChatOllama

            return ChatModelLLM(ChatOllama(model=model, temperature=0), settings.llm)
    except ImportError as exc:
        raise ConfigError(f"KB_LLM={settings.llm!r} needs the llm extra: "
                          "pip install -e '.[llm]'") from exc
    raise ConfigError(f"KB_LLM provider {provider!r} is unknown; use openai:<model> or "
                      "ollama:<model>")
