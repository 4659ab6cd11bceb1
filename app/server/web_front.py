"""The frame of the sync server's pages for requesters (the chat page, the satisfaction
questionnaire): one head, header band and stylesheet, so they look like one web front.

Chinese first with English beneath (``.en``), large touch targets, readable on a phone.
Kept in a module, not a data file, so every way the server is installed (wheel,
PyInstaller bundle, .deb) serves it.
"""

from __future__ import annotations

import html

STYLE = """
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;
line-height:1.6;color:#212121;background:#f4f6f8}
header{background:#1565c0;color:#fff;padding:10px 16px;font-weight:bold}
header .en{color:#e3f2fd}
main{max-width:640px;margin:0 auto;padding:16px;background:#fff;min-height:80vh}
h1{font-size:1.3rem}fieldset{border:1px solid #bdbdbd;border-radius:8px;margin:12px 0}
label{display:block;padding:8px 4px;min-height:28px}input[type=radio]{transform:scale(1.4);
margin-right:10px}input,select,textarea{width:100%;font-size:1rem;padding:8px;
box-sizing:border-box}input[type=radio]{width:auto}
button{width:100%;font-size:1.1rem;padding:14px;margin-top:12px;background:#1565c0;
color:#fff;border:0;border-radius:8px}.en{color:#616161;font-size:.9rem}
.error{color:#b71c1c;font-weight:bold}
"""


def page(title: str, body: str, *, style: str = "", script: str = "") -> str:
    """A whole page: ``body`` (HTML) in the common frame, with the page's own ``style``
    after the common one and its ``script`` at the end of the body."""
    own_style = f"<style>{style}</style>" if style else ""
    own_script = f"<script>{script}</script>" if script else ""
    return (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)}</title><style>{STYLE}</style>{own_style}</head>"
            f'<body><header>服务台 <span class="en" lang="en">Service desk</span></header>'
            f"<main>{body}</main>{own_script}</body></html>")
