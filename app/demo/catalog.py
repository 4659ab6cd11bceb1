"""Static seed text for the demo-data generator: ticket types, categories, units, systems,
teams, names and canned work notes of a municipal government-cloud 7x24 service desk.

Titles and descriptions may contain a ``{system}`` placeholder (filled with ``str.format``),
so they must hold no other braces.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TypeSeed:
    code: str
    name_zh: str
    name_en: str
    color: str
    icon: str


@dataclass(frozen=True)
class CategorySeed:
    code: str
    name_zh: str
    name_en: str
    color: str
    icon: str
    skill: str
    titles: tuple[str, ...]
    descriptions: tuple[str, ...]


@dataclass(frozen=True)
class UnitSeed:
    name: str
    domain: str


@dataclass(frozen=True)
class TeamSeed:
    code: str
    name_zh: str
    name_en: str
    skills: tuple[str, ...]
    size: int


TICKET_TYPES: tuple[TypeSeed, ...] = (
    TypeSeed("consultation", "咨询", "Consultation", "#1f6feb", "?"),
    TypeSeed("fault", "故障", "Fault", "#c62828", "!"),
    TypeSeed("maintenance", "维护", "Maintenance", "#8a5a00", "~"),
    TypeSeed("service_request", "服务请求", "Service request", "#2e7d32", "+"),
)

CATEGORIES: tuple[CategorySeed, ...] = (
    CategorySeed(
        "service_desk", "服务台", "Service desk", "#0b6e99", "SD", "service_desk",
        (
            "咨询{system}账号开通流程",
            "{system}登录密码重置申请",
            "{system}账号被锁定无法登录",
            "咨询云资源申请单填写方式",
            "申请开通VPN远程运维账号",
            "咨询{system}操作手册获取方式",
            "数字证书（CA）过期需续期",
            "咨询工单处理进度",
            "申请变更{system}管理员联系人",
            "咨询政务云资源变更审批流程",
            "反馈{system}页面显示异常",
            "申请堡垒机账号及权限",
        ),
        (
            "用户来电反映{system}登录时提示“用户名或密码错误”，连续输错5次后账号已被锁定，"
            "需协助解锁并重置密码。",
            "用户咨询{system}新增科室用户的开通流程，需说明需提交的申请表及审批环节。",
            "用户VPN客户端连接时报错“SSL握手失败（错误码 -9）”，客户端版本为7.6.3，"
            "更换网络后问题依旧。",
            "用户的数字证书已于今日08:00过期，{system}签章功能无法使用，请协助办理续期。",
            "用户询问上周提交的云主机扩容申请（单号 YZY-2024-0815）目前处理到哪个环节，"
            "希望本周内完成。",
            "用户反馈{system}首页在IE兼容模式下排版错乱，改用Chrome 109后显示正常，"
            "咨询是否支持旧版浏览器。",
            "因人员岗位调整，用户申请将{system}系统管理员由原负责人变更为本人，"
            "已附单位盖章的变更函。",
            "第三方运维厂商申请开通堡垒机账号，需访问10.12.3.0/24网段内主机，期限一个月。",
        ),
    ),
    CategorySeed(
        "machine_room", "机房值守", "Machine-room duty", "#6d4c41", "MR", "machine_room",
        (
            "机房B区精密空调告警",
            "机柜A-12 PDU电流超阈值",
            "UPS切换至电池供电告警",
            "机房巡检发现服务器硬盘故障灯亮",
            "第三方厂商进入机房作业登记",
            "机房温湿度超标告警",
            "设备上架及布线申请",
            "机房门禁卡权限开通",
            "{system}所在机柜服务器下架申请",
            "机房漏水检测告警",
            "机房消防系统例行检查",
        ),
        (
            "02:15 动环监控报B区2号精密空调高压告警，回风温度升至27.8℃，"
            "值班人员已现场确认并联系空调厂商。",
            "巡检发现A-12机柜PDU B路电流达14.6A，超过13A阈值，疑似新上架设备未做双路均衡。",
            "市电闪断导致UPS切换至电池供电约40秒，期间无设备掉电，需排查ATS切换记录。",
            "巡检发现C-07机柜第3台服务器（SN: 6CU8231XYZ）前面板硬盘橙色故障灯亮，"
            "已拍照留存。",
            "厂商工程师2人计划明日09:30进场更换{system}存储控制器，需办理入场登记及陪同。",
            "机房漏水检测绳在D区架空地板下报警，现场检查发现空调冷凝水管接头渗漏。",
            "新采购的2台服务器需上架至B-05机柜U20-U23位置，并接入管理网和业务网交换机。",
        ),
    ),
    CategorySeed(
        "hosts", "主机", "Hosts", "#37474f", "H", "hosts",
        (
            "{system}应用服务器CPU使用率持续100%",
            "物理服务器宕机无法远程连接",
            "{system}服务器内存使用率过高",
            "主机根分区空间不足",
            "服务器时间不同步",
            "操作系统补丁升级申请",
            "{system}服务器重启后服务未自启动",
            "服务器硬件故障需报修",
            "主机SSH无法登录",
            "申请服务器操作系统账号",
            "服务器网卡绑定异常",
        ),
        (
            "{system}应用服务器10.12.3.4 自14:20起CPU使用率持续100%，"
            "top显示java进程占用最高，页面响应超过30秒。",
            "物理服务器10.12.8.21 ping不通，iBMC显示系统已挂死（kernel panic），需现场重启。",
            "服务器根分区使用率达98%，经排查为/var/log/messages日志未轮转，单文件达35GB。",
            "{system}服务器与NTP服务器10.10.0.1时间偏差约4分钟，导致单点登录票据校验失败。",
            "{system}服务器夜间计划重启后，tomcat服务未自动拉起，07:50用户反映系统无法访问。",
            "SSH登录10.12.5.17时提示“Connection refused”，控制台确认sshd服务异常退出。",
            "服务器bond0 主备切换频繁，/var/log/messages 中大量“link status down”记录。",
        ),
    ),
    CategorySeed(
        "storage", "存储", "Storage", "#5e35b1", "ST", "storage",
        (
            "{system}存储卷空间不足需扩容",
            "存储阵列硬盘故障告警",
            "NAS共享目录无法挂载",
            "存储IO延迟过高",
            "申请新增共享存储空间",
            "存储多路径链路中断",
            "对象存储桶访问权限配置",
            "存储控制器切换告警",
            "{system}附件目录写入失败",
            "分布式存储节点离线",
        ),
        (
            "{system}数据卷使用率已达92%，预计一周内写满，申请在线扩容500GB。",
            "存储阵列报告槽位 CTE0.15 硬盘故障，热备盘已自动接管，正在重构，需尽快更换。",
            "客户端挂载NAS 10.14.2.10:/share/zwfw 时报错“mount.nfs: access denied by server”。",
            "10:00-10:30 存储平均IO延迟升至45ms，{system}数据库出现大量log file sync等待。",
            "主机multipath -ll 显示4条路径中2条为failed状态，对应光纤交换机端口告警。",
            "{system}上传附件时提示“写入失败：No space left on device”，但df显示仍有剩余空间，"
            "疑似inode耗尽。",
            "分布式存储节点storage-node-07于03:12离线，集群状态为HEALTH_WARN，数据正在恢复。",
        ),
    ),
    CategorySeed(
        "cloud", "云平台", "Cloud platform", "#0277bd", "CL", "cloud",
        (
            "{system}云主机无法启动",
            "申请新建云主机",
            "云主机扩容CPU和内存",
            "云硬盘挂载失败",
            "弹性公网IP绑定申请",
            "云平台控制台无法登录",
            "{system}云主机快照创建失败",
            "安全组规则变更申请",
            "负载均衡后端服务器健康检查异常",
            "云主机迁移至其他可用区",
            "容器平台Pod频繁重启",
        ),
        (
            "{system}云主机在控制台执行启动后状态一直为“启动中”，约10分钟后变为“错误”，"
            "任务日志提示计算节点资源不足。",
            "为{system}申请新建2台云主机，规格8核16G、系统盘100G、数据盘500G，"
            "操作系统为麒麟V10。",
            "挂载云硬盘时报错“Volume attach failed: device /dev/vdb already in use”。",
            "负载均衡监听器显示后端10.16.4.11、10.16.4.12 健康检查失败，"
            "但直接访问8080端口正常。",
            "容器平台中{system}所在命名空间的Pod状态为CrashLoopBackOff，日志显示OOMKilled。",
            "云平台控制台登录后提示“租户配额已用尽”，无法继续创建资源。",
            "云主机快照任务失败，错误信息“snapshot timeout after 3600s”，"
            "云硬盘大小为2TB。",
        ),
    ),
    CategorySeed(
        "security_devices", "安全设备", "Security devices", "#ad1457", "FW",
        "security_devices",
        (
            "防火墙策略开通申请",
            "WAF误拦截{system}正常请求",
            "IPS检测到异常攻击告警",
            "防火墙HA主备切换告警",
            "SSL VPN设备并发数告警",
            "抗DDoS设备流量清洗告警",
            "申请{system}域名接入WAF防护",
            "堡垒机会话异常断开",
            "安全设备特征库升级",
            "防火墙CPU利用率过高",
        ),
        (
            "申请开通源地址10.12.3.0/24 到目的地址10.20.1.15 TCP 1521端口的访问策略，"
            "用于{system}数据同步。",
            "{system}提交表单时被WAF拦截，返回“403 Forbidden”，WAF日志命中规则ID 200017"
            "（SQL注入检测）。",
            "IPS于01:47检测到来自境外IP 45.xx.xx.12 对门户网站的Struts2远程代码执行攻击，"
            "已自动阻断。",
            "核心防火墙于11:05 发生主备切换，切换原因为主机心跳口丢包，业务中断约3秒。",
            "SSL VPN并发用户数达到授权上限（500），新用户登录提示“license exceeded”。",
            "抗DDoS设备检测到针对公网IP的UDP Flood攻击，峰值流量约8Gbps，已自动牵引清洗。",
        ),
    ),
    CategorySeed(
        "security_pool", "安全资源池", "Security resource pool", "#c2185b", "SP",
        "security_pool",
        (
            "安全资源池云WAF实例开通",
            "{system}漏洞扫描任务申请",
            "主机安全Agent离线",
            "云堡垒机实例扩容",
            "日志审计未接收到{system}日志",
            "数据库审计告警高危SQL",
            "网页防篡改告警",
            "等保测评前安全基线核查",
            "申请渗透测试报告复核",
            "云防火墙策略配置",
        ),
        (
            "为{system}申请开展季度漏洞扫描，扫描范围10.18.0.0/24，"
            "扫描窗口为周六22:00-次日06:00。",
            "主机安全控制台显示{system}所在3台云主机Agent离线，最后心跳时间为昨日23:40。",
            "日志审计平台自本周一起未收到{system}服务器的syslog日志，UDP 514端口不通。",
            "数据库审计告警：账号app_user于16:32执行“DELETE FROM t_apply”无where条件语句，"
            "影响行数约1.2万行。",
            "网页防篡改系统检测到门户网站/news/目录下index.html被修改，已自动恢复并告警。",
            "等保2.0三级测评前需对{system}的12台主机进行安全基线核查，并输出整改清单。",
        ),
    ),
    CategorySeed(
        "monitoring", "监控系统", "Monitoring system", "#00897b", "MN", "monitoring",
        (
            "{system}监控告警：服务不可用",
            "监控平台误告警",
            "申请新增{system}监控项",
            "监控数据采集中断",
            "告警短信未送达",
            "监控大屏数据不刷新",
            "调整告警阈值申请",
            "Zabbix Agent无法连接",
            "{system}接口拨测失败",
            "监控平台存储空间不足",
        ),
        (
            "监控平台于03:26 告警{system}首页HTTP拨测失败，返回码502，连续3次检测失败。",
            "Zabbix显示主机10.12.6.30 “Zabbix agent is not available”，"
            "持续超过15分钟，主机本身运行正常。",
            "值班人员反映凌晨的P1告警短信未收到，短信网关日志显示发送状态为“超时”。",
            "申请为{system}新增数据库连接数、表空间使用率监控项，阈值分别为800和85%。",
            "监控大屏自10:40起数据停止刷新，Prometheus查询接口返回“query timeout”。",
            "{system}磁盘使用率阈值为80%，业务方认为告警过于频繁，申请调整为90%。",
        ),
    ),
    CategorySeed(
        "backup", "备份系统", "Backup system", "#558b2f", "BK", "backup",
        (
            "{system}数据库备份任务失败",
            "申请恢复误删除的数据",
            "备份存储空间不足",
            "新增{system}备份策略",
            "备份客户端离线",
            "备份恢复演练申请",
            "磁带库机械臂故障",
            "备份任务执行时间过长",
            "异地备份复制中断",
            "{system}文件备份校验失败",
        ),
        (
            "{system}数据库全备任务于01:00 启动后失败，错误码 RMAN-03009，"
            "备份日志提示通道分配失败。",
            "用户误删除{system}2024年3月的业务附件目录，申请从备份恢复至昨日23:00的时间点。",
            "备份一体机存储池使用率达95%，新的备份任务开始排队，需清理过期副本或扩容。",
            "备份客户端10.12.7.45 显示离线，备份服务端口8400 无法连通，客户端服务已停止。",
            "{system}增量备份原本40分钟完成，本周起需超过4小时，影响早间业务高峰。",
            "异地灾备中心的备份复制任务自周二起中断，复制链路带宽占用为0。",
        ),
    ),
    CategorySeed(
        "network", "网络", "Network", "#2e7d32", "NW", "network",
        (
            "{system}访问缓慢",
            "政务外网专线中断",
            "单位网络无法访问政务云",
            "申请新增VLAN及网段",
            "核心交换机端口down告警",
            "DNS解析异常",
            "{system}访问出现丢包",
            "互联网出口带宽占用过高",
            "申请开通IPv6访问",
            "负载均衡VIP无法访问",
            "网络设备配置备份申请",
        ),
        (
            "区政务服务中心反映访问{system}缓慢，ping 10.12.3.4 时延在80-300ms之间波动，"
            "丢包率约12%。",
            "09:12 运营商专线中断，区县至市政务云链路全部不可达，已报障运营商（故障单号 "
            "GZ20240612-0031）。",
            "核心交换机 Core-SW-01 接口 GE1/0/24 于22:41 状态down，对端为{system}接入交换机。",
            "内网域名 zwfw.example.gov.cn 解析失败，nslookup 返回“SERVFAIL”，"
            "备用DNS解析正常。",
            "互联网出口带宽占用率持续超过95%，流量分析显示某IP 10.13.5.88 大量下载。",
            "申请为{system}新增VLAN 320，网段10.20.32.0/24，网关10.20.32.254。",
        ),
    ),
    CategorySeed(
        "database", "数据库与中间件", "Databases and middleware", "#ef6c00", "DB", "database",
        (
            "{system}数据库连接数耗尽",
            "Oracle数据库出现ORA-00600错误",
            "MySQL主从复制延迟",
            "数据库表空间不足",
            "{system}中间件线程池满",
            "Redis内存使用率过高",
            "数据库慢SQL导致业务卡顿",
            "申请数据库账号权限",
            "Kafka消息积压",
            "达梦数据库实例无法启动",
            "WebLogic服务异常重启",
        ),
        (
            "{system}数据库告警日志出现 ORA-00600: internal error code, arguments: [kcbzpbuf_1]，"
            "部分查询报错退出。",
            "应用日志报错“ORA-00020: maximum number of processes (1000) exceeded”，"
            "{system}无法建立新连接。",
            "MySQL从库10.12.9.12 Seconds_Behind_Master 持续增加，当前已达3600秒。",
            "表空间USERS使用率达97%，插入数据时报 ORA-01653: unable to extend table。",
            "{system}的Tomcat线程池已满（maxThreads=500），大量请求排队，"
            "jstack显示线程阻塞在数据库连接获取。",
            "Redis实例10.12.9.30:6379 内存使用率达92%，开始触发key淘汰，部分会话丢失。",
            "Kafka主题 apply-events 的消费者组lag超过50万条，下游{system}数据未及时更新。",
            "达梦数据库实例启动失败，dm.log 提示“[ERROR] control file check failed”。",
        ),
    ),
    CategorySeed(
        "migration", "数据与应用迁移", "Data and application migration", "#455a64", "MG",
        "migration",
        (
            "{system}上云迁移方案评审",
            "申请{system}数据迁移窗口",
            "迁移后应用访问异常",
            "数据库迁移数据校验不一致",
            "信创适配迁移支持",
            "老旧系统下线数据归档",
            "{system}迁移割接回退",
            "迁移后性能下降",
            "跨云数据同步申请",
            "迁移过程中字符集乱码",
        ),
        (
            "{system}计划于本周六22:00-次日06:00由原机房迁移至政务云，需确认迁移步骤和回退方案。",
            "迁移完成后{system}登录页报“500 Internal Server Error”，"
            "日志显示数据库连接地址仍指向旧IP 192.168.10.25。",
            "Oracle迁移至达梦后，t_license 表源端记录数 1,284,562，目标端 1,284,498，"
            "相差64条。",
            "{system}割接后出现大量超时，按预案于04:30 执行回退，业务已切回原环境。",
            "数据迁移后中文字段显示为“??”，源库字符集为ZHS16GBK，目标库为UTF8。",
            "{system}由x86平台迁移至鲲鹏服务器后，批处理任务耗时由20分钟增加至1小时。",
        ),
    ),
)

UNITS: tuple[UnitSeed, ...] = (
    UnitSeed("市政务服务数据管理局", "zsj.example.gov.cn"),
    UnitSeed("市人民政府办公室", "zfb.example.gov.cn"),
    UnitSeed("市发展和改革委员会", "fgw.example.gov.cn"),
    UnitSeed("市财政局", "czj.example.gov.cn"),
    UnitSeed("市公安局", "gaj.example.gov.cn"),
    UnitSeed("市人力资源和社会保障局", "rsj.example.gov.cn"),
    UnitSeed("市卫生健康委员会", "wjw.example.gov.cn"),
    UnitSeed("市医疗保障局", "ybj.example.gov.cn"),
    UnitSeed("市教育局", "jyj.example.gov.cn"),
    UnitSeed("市民政局", "mzj.example.gov.cn"),
    UnitSeed("市司法局", "sfj.example.gov.cn"),
    UnitSeed("市自然资源和规划局", "zrzy.example.gov.cn"),
    UnitSeed("市生态环境局", "sthj.example.gov.cn"),
    UnitSeed("市住房和城乡建设局", "zjj.example.gov.cn"),
    UnitSeed("市交通运输局", "jtj.example.gov.cn"),
    UnitSeed("市农业农村局", "nyj.example.gov.cn"),
    UnitSeed("市商务局", "swj.example.gov.cn"),
    UnitSeed("市文化广电旅游局", "wglj.example.gov.cn"),
    UnitSeed("市应急管理局", "yjj.example.gov.cn"),
    UnitSeed("市市场监督管理局", "scjg.example.gov.cn"),
    UnitSeed("市统计局", "tjj.example.gov.cn"),
    UnitSeed("市审计局", "sjj.example.gov.cn"),
    UnitSeed("市税务局", "sw.example.gov.cn"),
    UnitSeed("市住房公积金管理中心", "gjj.example.gov.cn"),
    UnitSeed("市退役军人事务局", "tyjr.example.gov.cn"),
    UnitSeed("市信访局", "xfj.example.gov.cn"),
    UnitSeed("市档案馆", "daj.example.gov.cn"),
    UnitSeed("市12345政务服务便民热线中心", "rx12345.example.gov.cn"),
    UnitSeed("东城区政务服务中心", "dcq.example.gov.cn"),
    UnitSeed("西湖区政务服务中心", "xhq.example.gov.cn"),
    UnitSeed("高新区管委会", "gxq.example.gov.cn"),
)

SYSTEMS: tuple[str, ...] = (
    "一网通办平台",
    "财政预算一体化系统",
    "电子证照库",
    "12345热线系统",
    "公积金管理系统",
    "统一身份认证平台",
    "政务服务网",
    "协同办公系统",
    "不动产登记系统",
    "社会保障卡管理系统",
    "医保结算系统",
    "全民健康信息平台",
    "市场主体登记系统",
    "政务数据共享交换平台",
    "电子公文交换系统",
    "非税收入收缴系统",
    "城市运行管理平台",
    "视频会议系统",
    "好差评系统",
    "电子印章系统",
    "投资项目在线审批监管平台",
    "公共资源交易平台",
    "应急指挥调度系统",
    "人口基础信息库",
    "政府门户网站",
    "信用信息共享平台",
)

TEAMS: tuple[TeamSeed, ...] = (
    TeamSeed("desk_1", "服务台一组", "Service desk group 1", ("service_desk",), 8),
    TeamSeed("desk_2", "服务台二组", "Service desk group 2", ("service_desk",), 8),
    TeamSeed("hosts_storage", "主机存储组", "Hosts and storage", ("hosts", "storage"), 5),
    TeamSeed("network_security", "网络安全组", "Network and security",
             ("network", "security_devices", "security_pool"), 6),
    TeamSeed("cloud_platform", "云平台组", "Cloud platform", ("cloud",), 5),
    TeamSeed("data_middleware", "数据库中间件与迁移组", "Databases, middleware and migration",
             ("database", "migration"), 4),
    TeamSeed("ops_duty", "监控备份与机房组", "Monitoring, backup and machine room",
             ("monitoring", "backup", "machine_room"), 4),
)

SURNAMES: tuple[str, ...] = (
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
    "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
    "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
    "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
    "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈",
    "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
)

GIVEN_NAMES: tuple[str, ...] = (
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋",
    "勇", "艳", "杰", "涛", "明", "超", "霞", "平", "刚", "辉",
    "志强", "秀英", "建华", "建国", "海燕", "晓东", "晓明", "丽娟", "俊杰", "文博",
    "子涵", "欣怡", "浩然", "宇轩", "思远", "雨婷", "梦琪", "佳怡", "志明", "国庆",
    "春梅", "红霞", "玉兰", "桂英", "建军", "立新", "振华", "晓燕", "文静", "婷婷",
    "鹏飞", "海涛", "家豪", "泽宇", "一鸣", "若曦", "嘉欣", "思琪", "雅琴", "凤英",
    "永刚", "志刚", "建平", "利民", "晨曦", "天宇", "博文", "瑞祥", "雪梅", "丹丹",
    "慧敏", "亚楠", "晓峰", "国栋", "少华", "嘉怡", "梓萱", "宏伟", "晓丽", "德华",
)

COMMENTS: tuple[str, ...] = (
    "已电话联系用户，确认问题已恢复。",
    "已远程登录服务器查看，正在排查日志。",
    "已转交二线工程师处理，请关注进度。",
    "用户暂时无法接听电话，已发短信告知，稍后再次联系。",
    "已联系厂商工程师，预计30分钟内到场。",
    "问题复现中，已收集相关截图和日志。",
    "已申请变更窗口，计划今晚22:00实施。",
    "等待用户提供单位盖章的申请材料。",
    "已在监控平台确认告警已消除。",
    "与用户约定明天上午10点远程协助处理。",
    "初步判断为网络链路问题，已联系网络组协查。",
    "已按应急预案启动临时措施，业务已恢复，根因继续分析。",
    "已通知业务单位负责人，当前影响范围为部分区县用户。",
    "厂商已确认为已知问题，补丁预计下周发布。",
    "变更已实施完成，观察30分钟无异常。",
    "用户反馈问题依旧，已重新打开继续处理。",
    "已在知识库中补充该问题的处理步骤。",
    "该问题与上午的告警为同一原因，已关联处理。",
    "已发送邮件说明处理结果，等待用户确认。",
    "夜班交接：该工单仍在处理中，白班请继续跟进。",
    "已升级至值班经理，请求协调资源。",
)

SOLUTIONS: tuple[str, ...] = (
    "已为用户解锁账号并重置密码，用户登录验证正常。",
    "清理过期日志文件并配置logrotate日志轮转，根分区使用率降至45%。",
    "重启应用服务并调整JVM堆内存参数，CPU使用率恢复正常。",
    "已在线扩容数据卷500GB，业务无中断，空间使用率降至61%。",
    "已按申请开通防火墙访问策略，用户测试连通正常。",
    "在WAF中为该接口添加白名单规则，用户提交表单恢复正常。",
    "更换故障硬盘并完成RAID重构，阵列状态恢复正常。",
    "修正NTP配置并重启chronyd服务，时间同步正常，单点登录恢复。",
    "调整数据库最大连接数并优化应用连接池配置，连接数恢复至正常水平。",
    "扩充表空间数据文件20GB，数据写入恢复正常。",
    "为慢SQL补充索引，查询耗时由12秒降至0.3秒。",
    "运营商修复光缆后专线恢复，已确认各区县访问正常。",
    "更换故障光模块，交换机端口恢复up，链路丢包消失。",
    "重新安装并启动主机安全Agent，控制台显示在线。",
    "从昨日23:00备份恢复用户误删除数据，用户核对无误。",
    "清理过期备份副本释放存储空间，备份任务恢复正常执行。",
    "调整告警阈值并增加持续时间条件，误告警已消除。",
    "已按申请创建云主机并交付登录信息，用户确认可用。",
    "修改应用配置中的数据库连接地址为新IP，迁移后业务访问正常。",
    "已向用户说明办理流程并通过邮件发送操作手册，用户表示清楚。",
    "协调空调厂商更换压缩机高压开关，机房温度恢复至23℃。",
)

CAUSES: tuple[str, ...] = (
    "应用日志未配置轮转，长期累积导致磁盘空间耗尽。",
    "应用代码存在死循环，高并发下导致CPU占满。",
    "数据库连接池未正确释放连接，导致连接数耗尽。",
    "运营商光缆被市政施工挖断，导致专线中断。",
    "光模块老化导致链路误码率升高。",
    "WAF规则过于严格，正常业务请求被误判为SQL注入。",
    "NTP服务器配置错误，导致主机时间偏差。",
    "用户多次输错密码触发账号锁定策略。",
    "硬盘达到使用寿命出现坏道。",
    "业务量增长超出容量规划，存储空间不足。",
    "缺少索引导致全表扫描，慢SQL拖慢数据库。",
    "变更实施时遗漏配置项，迁移后仍指向旧环境。",
    "备份客户端服务异常退出且未配置自动拉起。",
    "告警阈值设置不合理，正常波动触发告警。",
    "空调冷凝水管接头老化渗漏。",
    "安全Agent版本与操作系统内核不兼容导致进程退出。",
)
