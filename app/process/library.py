"""The emergency plan library (应急处理预案库): a few plans, each for a group of categories,
with the named roles a level-1 emergency fills and the steps it follows.

Built into the desk (like the default SLA policy): a plan is chosen from here when a
level-1 emergency is declared and copied into the ticket's plan, so a later change of the
library never rewrites an emergency already handled.
"""

from __future__ import annotations

from dataclasses import dataclass


def pick(language: str, chinese: str, english: str) -> str:
    """The library's words in the desk's language (Chinese for any zh_*)."""
    return chinese if language.startswith("zh") else english


@dataclass(frozen=True)
class RoleSpec:
    code: str
    name_zh: str
    name_en: str

    def name(self, language: str) -> str:
        return pick(language, self.name_zh, self.name_en)


@dataclass(frozen=True)
class StepSpec:
    text_zh: str
    text_en: str
    role: str  # the role code whose holder owns the step
    minutes: int  # planned time after the declaration

    def text(self, language: str) -> str:
        return pick(language, self.text_zh, self.text_en)


@dataclass(frozen=True)
class EmergencyPlan:
    code: str
    name_zh: str
    name_en: str
    categories: tuple[str, ...]  # category codes it is meant for; () = any
    roles: tuple[RoleSpec, ...]
    steps: tuple[StepSpec, ...]

    def name(self, language: str) -> str:
        return pick(language, self.name_zh, self.name_en)


COMMANDER = RoleSpec("commander", "应急指挥", "Incident commander")
EXPERT = RoleSpec("expert", "技术专家", "Senior expert")
LIAISON = RoleSpec("liaison", "信息通报", "Communications")
RECORDER = RoleSpec("recorder", "记录员", "Recorder")
SECURITY = RoleSpec("security", "安全负责人", "Security officer")
VENDOR = RoleSpec("vendor", "厂商联络", "Vendor liaison")

_NOTIFY = StepSpec("向主管单位和受影响单位通报事件与影响范围",
                   "Notify the authority and the affected units of the event and its scope",
                   "liaison", 10)
_REPORT = StepSpec("每30分钟通报一次处置进展", "Report progress every 30 minutes", "liaison", 30)
_CLOSE = StepSpec("恢复确认后形成事件报告", "After recovery is confirmed, write the incident "
                  "report", "recorder", 240)

LIBRARY: tuple[EmergencyPlan, ...] = (
    EmergencyPlan(
        "infrastructure", "基础设施中断应急预案", "Infrastructure outage",
        ("machine_room", "hosts", "storage", "network", "cloud", "backup"),
        (COMMANDER, EXPERT, LIAISON, VENDOR, RECORDER),
        (StepSpec("确认故障范围，启动应急指挥", "Confirm the scope and open the incident command",
                  "commander", 5),
         _NOTIFY,
         StepSpec("隔离故障设备，切换到备用链路或备机",
                  "Isolate the failed equipment, switch to the standby link or host",
                  "expert", 30),
         StepSpec("联系厂商到场或远程支持", "Call the vendor on site or for remote support",
                  "vendor", 30),
         _REPORT,
         StepSpec("验证业务恢复", "Verify that the services are back", "expert", 120),
         _CLOSE)),
    EmergencyPlan(
        "security", "网络安全事件应急预案", "Security incident",
        ("security_devices", "security_pool"),
        (COMMANDER, SECURITY, EXPERT, LIAISON, RECORDER),
        (StepSpec("研判事件等级，启动应急指挥", "Grade the event and open the incident command",
                  "commander", 5),
         StepSpec("阻断攻击源，隔离受影响主机", "Block the source, isolate the affected hosts",
                  "security", 15),
         _NOTIFY,
         StepSpec("保全日志与证据", "Preserve the logs and evidence", "recorder", 60),
         _REPORT,
         StepSpec("清除威胁并加固", "Remove the threat and harden the systems", "expert", 180),
         _CLOSE)),
    EmergencyPlan(
        "data", "数据库与数据服务应急预案", "Database and data service",
        ("database", "migration"),
        (COMMANDER, EXPERT, LIAISON, VENDOR, RECORDER),
        (StepSpec("确认受影响的数据库与业务系统",
                  "Confirm the affected databases and business systems", "commander", 5),
         _NOTIFY,
         StepSpec("停止写入，评估数据一致性", "Stop writes and check data consistency",
                  "expert", 20),
         StepSpec("从备份或备库恢复", "Restore from the backup or the standby", "expert", 90),
         _REPORT,
         StepSpec("核对数据并恢复业务", "Check the data and reopen the services", "expert", 150),
         _CLOSE)),
    EmergencyPlan(
        "general", "通用重大故障应急预案", "General major incident",
        (),
        (COMMANDER, EXPERT, LIAISON, RECORDER),
        (StepSpec("确认影响范围，启动应急指挥", "Confirm the impact and open the incident command",
                  "commander", 5),
         _NOTIFY,
         StepSpec("定位原因并实施临时处置", "Find the cause and apply a workaround", "expert", 60),
         _REPORT,
         StepSpec("验证恢复", "Verify the recovery", "expert", 120),
         _CLOSE)),
)
_BY_CODE = {plan.code: plan for plan in LIBRARY}


def plan(code: str) -> EmergencyPlan | None:
    return _BY_CODE.get(code)


def plans_for(category_code: str) -> tuple[EmergencyPlan, ...]:
    """The library's plans, those meant for ``category_code`` first (the general one when
    none is), then the others."""
    meant = tuple(p for p in LIBRARY if category_code in p.categories) \
        or tuple(p for p in LIBRARY if not p.categories)
    return meant + tuple(p for p in LIBRARY if p not in meant)
