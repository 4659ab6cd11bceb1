"""A small fixed corpus of articles for the knowledge-base tests."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from app.domain.clock import ManualClock
from app.kb.article import ArticleContent, ArticleState
from app.kb.editing import create_article
from app.store.database import Store
from app.store.models import CategoryRow

NETWORK = "00000000-0000-7000-8000-00000000000a"
DATABASE = "00000000-0000-7000-8000-00000000000b"

CORPUS: dict[str, ArticleContent] = {
    "line": ArticleContent(
        title="区县专线网络中断排查", summary="多个区县无法访问，网络专线中断。",
        body="## 现象\n\n区县网络不通，核心交换机专线接口 down。网络恢复后需确认。",
        solution="报障运营商，启用备用链路。", category_id=NETWORK,
        tags=("网络", "专线"), state=ArticleState.PUBLISHED),
    "dns": ArticleContent(
        title="DNS解析失败", summary="域名无法解析，IP 访问正常。",
        body="内网DNS转发配置错误，影响网络访问。", solution="修正转发器并清缓存。",
        category_id=NETWORK, tags=("DNS",), state=ArticleState.PUBLISHED),
    "disk": ArticleContent(
        title="服务器磁盘空间不足", summary="根分区使用率100%。",
        body="日志未轮转导致磁盘写满。", solution="配置 logrotate，清理过期日志。",
        tags=("磁盘", "Linux"), state=ArticleState.PUBLISHED),
    "backup": ArticleContent(
        title="备份任务失败", summary="Nightly backups fail: client not responding.",
        body="备份客户端服务异常退出。", solution="重启备份客户端并配置自动拉起。",
        tags=("备份",), state=ArticleState.PUBLISHED),
    "ora600": ArticleContent(
        title="Oracle ORA-00600 内部错误", summary="告警日志出现 ORA-00600 [kcbgtcr_13]。",
        body="Oracle 已知缺陷。收集 alert.log 与 trace。", solution="打补丁后重启实例。",
        category_id=DATABASE, tags=("Oracle", "ORA-00600"), state=ArticleState.PUBLISHED),
    "ora1653": ArticleContent(
        title="ORA-01653 表空间不足", summary="写入失败 unable to extend table。",
        body="表空间数据文件已满。", solution="ALTER TABLESPACE users ADD DATAFILE SIZE 20G;",
        category_id=DATABASE, tags=("Oracle",), state=ArticleState.DRAFT),
    "xz": ArticleContent(
        title="CVE-2024-3094 xz 后门排查", summary="xz-utils 5.6.0/5.6.1 backdoor.",
        body="上游源码包被植入恶意代码。", solution="降级至 5.4.6 并重启 sshd。",
        tags=("CVE-2024-3094", "漏洞"), state=ArticleState.PUBLISHED),
    "old": ArticleContent(
        title="旧版网络准入说明", summary="已停用的准入系统。", body="仅供参考。",
        state=ArticleState.ARCHIVED),
}


@dataclass(frozen=True)
class Corpus:
    ids: dict[str, str]  # corpus key -> article id
    names: dict[str, str]  # article id -> corpus key

    def keys(self, article_ids: list[str]) -> list[str]:
        return [self.names[a] for a in article_ids]


def write_corpus(store: Store, clock: ManualClock) -> Corpus:
    now = clock.now()
    with store.unit_of_work() as session:
        for position, (cid, code) in enumerate(((NETWORK, "network"), (DATABASE, "database"))):
            session.add(CategoryRow(id=cid, code=code, name_zh=code, name_en=code,
                                    color="#000000", icon="", skill=code, position=position,
                                    version=1, updated_at=now, deleted=False))
    ids = {key: create_article(store, clock, content) for key, content in CORPUS.items()}
    return Corpus(ids, {v: k for k, v in ids.items()})


def reader(store: Store) -> sqlite3.Connection:
    return sqlite3.connect(store.path)
