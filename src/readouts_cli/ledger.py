"""Condolences and aid as data: readable amounts and the one way each item is described."""

from __future__ import annotations

from decimal import Decimal

from .model import Aid, Condolence

_SYMBOLS = {"USD": "US$", "JPY": "¥", "EUR": "€", "GBP": "£"}
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))


def format_amount(amount: int, currency: str) -> str:
    """300_000_000 USD -> "US$300 million"; exact: a figure that would need rounding is spelled out."""
    prefix = _SYMBOLS.get(currency)
    for scale, word in _SCALES:
        if amount >= scale:
            scaled = Decimal(amount) / scale
            if scaled == scaled.quantize(Decimal("0.001")):
                figure = f"{scaled.normalize():f} {word}"
                break
    else:
        figure = f"{amount:,}"
    return f"{prefix}{figure}" if prefix else f"{figure} {currency}"


def describe_condolence(item: Condolence) -> str:
    return f"{item.by} → {item.to}: {item.about}"


def describe_aid(item: Aid) -> str:
    parts = [item.what]
    if item.amount is not None and item.currency:
        parts.append(format_amount(item.amount, item.currency))
    parts.append(f"{item.category}, {item.status}")
    if item.channel:
        parts.append(f"via {item.channel}")
    head = f"{item.donor} → {item.recipient}" if item.recipient else item.donor
    return f"{head}: " + "; ".join(parts)
