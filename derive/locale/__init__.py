"""All prose, per language: ``en.toml`` and ``zh.toml``, read by :mod:`derive.locale.catalog`."""
