"""Real-world messages for the mail tests, built byte for byte as mail clients send them."""

from __future__ import annotations

import base64
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formatdate, make_msgid


def plain(subject: str = "VPN 无法连接", body: str = "早上 9 点起无法登录 VPN，请尽快处理。",
          sender: str = "张伟 <zhang.wei@example.gov.cn>", **headers: str) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "support@desk.example.gov.cn"
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = headers.pop("message_id", make_msgid(domain="example.gov.cn"))
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message.as_bytes()


def gbk(subject: str, body: str, sender: str = "li.na@example.gov.cn") -> bytes:
    """As older Chinese clients send: labelled GB2312 but encoded GBK (which has characters
    GB2312 lacks, such as 镕 and 喆), subject and name as RFC 2047 encoded words."""
    def word(text: str) -> str:
        return "=?gb2312?B?" + base64.b64encode(text.encode("gbk")).decode() + "?="

    head = (f"From: {word('李娜')} <{sender}>\r\n"
            "To: support@desk.example.gov.cn\r\n"
            f"Subject: {word(subject)}\r\n"
            f"Date: {formatdate(localtime=True)}\r\n"
            f"Message-ID: {make_msgid(domain='example.gov.cn')}\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=\"gb2312\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n")
    return head.encode() + base64.encodebytes(body.encode("gbk")).replace(b"\n", b"\r\n")


def html_only(subject: str, markup: str, sender: str = "ops@example.gov.cn") -> bytes:
    message = MIMEText(markup, "html", "utf-8")
    message["From"] = sender
    message["To"] = "support@desk.example.gov.cn"
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="example.gov.cn")
    return message.as_bytes()


def with_attachment(subject: str, body: str, filename: str, data: bytes,
                    sender: str = "wang.fang@example.gov.cn") -> bytes:
    message = MIMEMultipart()
    message["From"] = sender
    message["To"] = "support@desk.example.gov.cn"
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="example.gov.cn")
    message.attach(MIMEText(body, "plain", "utf-8"))
    attachment = MIMEApplication(data, Name=filename)
    attachment.add_header("Content-Disposition", "attachment", filename=("utf-8", "", filename))
    message.attach(attachment)
    return message.as_bytes()
