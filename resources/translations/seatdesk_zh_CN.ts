<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Seatdesk</source>
        <translation>关于服务台坐席</translation>
    </message>
    <message>
        <source>Service-desk client for the seats of a 7×24 service desk: tickets, SLA clocks, rota and knowledge base.</source>
        <translation>面向 7×24 服务台坐席的客户端：工单、服务时效、排班与知识库。</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Python %1, Qt %2, PySide6 %3</source>
        <translation>Python %1，Qt %2，PySide6 %3</translation>
    </message>
</context>
<context>
    <name>AbsenceDialog</name>
    <message>
        <source>Leave and wishes</source>
        <translation>休假与意愿</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Leave and unavailability</source>
        <translation>休假与不可排班</translation>
    </message>
    <message>
        <source>e.g. annual leave, training</source>
        <translation>例如：年假、培训</translation>
    </message>
    <message>
        <source>Add absence</source>
        <translation>添加缺勤</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Wishes</source>
        <translation>排班意愿</translation>
    </message>
    <message>
        <source>wants to work</source>
        <translation>希望上班</translation>
    </message>
    <message>
        <source>wants the day off</source>
        <translation>希望休息</translation>
    </message>
    <message>
        <source>any shift</source>
        <translation>任意班次</translation>
    </message>
    <message>
        <source>usual weight</source>
        <translation>常规权重</translation>
    </message>
    <message>
        <source>weight </source>
        <translation>权重 </translation>
    </message>
    <message>
        <source>What disappointing this wish costs the plan; the usual weight is the preferences rule&apos;s</source>
        <translation>未满足此意愿时计入排班的代价；常规权重取“意愿”规则的权重</translation>
    </message>
    <message>
        <source>Add wish</source>
        <translation>添加意愿</translation>
    </message>
    <message>
        <source>weight {weight}</source>
        <translation>权重 {weight}</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>No password yet: this account cannot sign in until an administrator sets one.</source>
        <translation>尚无密码：在管理员设置密码之前，此账号无法登录。</translation>
    </message>
    <message>
        <source>No active staff member has this login: the account cannot sign in.</source>
        <translation>没有使用此登录名的在岗人员：此账号无法登录。</translation>
    </message>
    <message>
        <source>Disabled: this account cannot sign in.</source>
        <translation>已停用：此账号无法登录。</translation>
    </message>
</context>
<context>
    <name>AccountsTab</name>
    <message>
        <source>Search login, name or role…</source>
        <translation>搜索登录名、姓名或角色…</translation>
    </message>
    <message>
        <source>&amp;New account…</source>
        <translation>新建账号(&amp;N)…</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>更改角色(&amp;R)…</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>未修改</translation>
    </message>
    <message>
        <source>The accounts of the sync server %1: they sign in on every desk connected to it.</source>
        <translation>同步服务器 %1 上的账号：可在连接到该服务器的所有席位上登录。</translation>
    </message>
    <message>
        <source>The accounts of this desk.</source>
        <translation>本席位的账号。</translation>
    </message>
    <message>
        <source>Only administrators see the server&apos;s accounts.</source>
        <translation>仅管理员可查看服务器上的账号。</translation>
    </message>
    <message>
        <source>Reading the accounts from the server…</source>
        <translation>正在从服务器读取账号…</translation>
    </message>
    <message>
        <source>Read-only: only administrators create accounts, set passwords and change roles.</source>
        <translation>只读：仅管理员可创建账号、设置密码和更改角色。</translation>
    </message>
    <message>
        <source>Set &amp;password…</source>
        <translation>设置密码(&amp;P)…</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>重置密码(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>禁用(&amp;D)</translation>
    </message>
    <message>
        <source>Only administrators manage accounts</source>
        <translation>仅管理员可管理账号</translation>
    </message>
    <message>
        <source>This is the last active administrator&apos;s account: give another account the administrator&apos;s role first.</source>
        <translation>这是最后一个启用的管理员账号：请先将管理员角色授予其他账号。</translation>
    </message>
    <message>
        <source>An account for a staff member who has none</source>
        <translation>为尚无账号的人员创建账号</translation>
    </message>
    <message>
        <source>A new password for the selected account (Enter)</source>
        <translation>为所选账号设置新密码（Enter）</translation>
    </message>
    <message>
        <source>Another role for the selected account</source>
        <translation>更改所选账号的角色</translation>
    </message>
    <message>
        <source>Disable the selected account (it can no longer sign in) or enable it again</source>
        <translation>禁用所选账号（禁用后无法登录），或重新启用</translation>
    </message>
    <message>
        <source>%1 accounts, %2 active, %3 without a password</source>
        <translation>共 %1 个账号，启用 %2 个，未设置密码 %3 个</translation>
    </message>
    <message>
        <source>You are the last active administrator: your account can be neither disabled nor given another role until another account is an administrator.</source>
        <translation>您是最后一个启用的管理员：在其他账号成为管理员之前，您的账号既不能禁用，也不能更改角色。</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>禁用</translation>
    </message>
    <message>
        <source>Disable the account %1 (%2)? It can no longer sign in; its history stays, and it can be enabled again.</source>
        <translation>禁用账号 %1（%2）？禁用后将无法登录；其历史记录会保留，之后也可重新启用。</translation>
    </message>
    <message>
        <source>The accounts could not be changed: %1</source>
        <translation>无法修改账号：%1</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Your administrator account</source>
        <translation>您的管理员账号</translation>
    </message>
    <message>
        <source>You administer this desk: you add staff, give them accounts and roles, and set up the catalog. Every change is recorded under your name.</source>
        <translation>您将管理本服务台：添加人员、为其分配账号和角色，并配置工单目录。每项更改都会以您的名义记录。</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>您的姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>确认密码(&amp;A)：</translation>
    </message>
    <message>
        <source>P&amp;hone (optional):</source>
        <translation>电话（选填）(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;E-mail (optional):</source>
        <translation>电子邮箱（选填）(&amp;E)：</translation>
    </message>
    <message>
        <source>letters and digits, e.g. wangmin</source>
        <translation>字母和数字，例如 wangmin</translation>
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation>至少 %1 个字符。</translation>
    </message>
    <message>
        <source>The desk could not be set up: %1</source>
        <translation>无法创建服务台：%1</translation>
    </message>
</context>
<context>
    <name>AdministrationPage</name>
    <message>
        <source>Staff, teams and skills</source>
        <translation>人员、班组和技能</translation>
    </message>
    <message>
        <source>Accounts and roles</source>
        <translation>账号和角色</translation>
    </message>
    <message>
        <source>Ticket types and categories</source>
        <translation>工单类型和分类</translation>
    </message>
    <message>
        <source>Requesters</source>
        <translation>报障人</translation>
    </message>
    <message>
        <source>Desk settings</source>
        <translation>服务台设置</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Mail received</source>
        <translation>收到的邮件</translation>
    </message>
    <message>
        <source>Messages to requesters</source>
        <translation>发给报障人的消息</translation>
    </message>
    <message>
        <source>Alerts and phone</source>
        <translation>告警与电话</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
</context>
<context>
    <name>AlertsTab</name>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Storm: tickets within seconds</source>
        <translation>告警风暴：工单数 / 秒数</translation>
    </message>
    <message>
        <source>Add source…</source>
        <translation>添加来源…</translation>
    </message>
    <message>
        <source>New token</source>
        <translation>更换令牌</translation>
    </message>
    <message>
        <source>Stop or resume</source>
        <translation>停用或恢复</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Value pattern</source>
        <translation>值匹配模式</translation>
    </message>
    <message>
        <source>Type code</source>
        <translation>类型代码</translation>
    </message>
    <message>
        <source>Category code</source>
        <translation>分类代码</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Resolves</source>
        <translation>恢复时解决</translation>
    </message>
    <message>
        <source>Only from source</source>
        <translation>仅限来源</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <source>Save rules</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <source>Sources that may post alerts or call events</source>
        <translation>可以推送告警或来电事件的来源</translation>
    </message>
    <message>
        <source>Rules: the first that matches an alert&apos;s label gives its ticket&apos;s type, category and level</source>
        <translation>规则：第一条匹配告警标签的规则决定工单的类型、分类和级别</translation>
    </message>
    <message>
        <source>Alert sources and rules are kept on the sync server: connect this desk first (Sync &gt; Connect to a server).</source>
        <translation>告警来源和规则保存在同步服务器上：请先连接本工作台（同步 &gt; 连接服务器）。</translation>
    </message>
    <message>
        <source>Only administrators manage alert sources and rules.</source>
        <translation>只有管理员可以管理告警来源和规则。</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Reading the server…</source>
        <translation>正在读取服务器…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Add source</source>
        <translation>添加来源</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>种类：</translation>
    </message>
    <message>
        <source>The source&apos;s token</source>
        <translation>来源令牌</translation>
    </message>
    <message>
        <source>Give this token to %1 now; it is not shown again:</source>
        <translation>请现在把此令牌交给 %1；它不会再次显示：</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Every rule needs a label, a pattern, a type code and a category code.</source>
        <translation>每条规则都需要标签、匹配模式、类型代码和分类代码。</translation>
    </message>
    <message>
        <source>Rules saved on the server.</source>
        <translation>规则已保存到服务器。</translation>
    </message>
</context>
<context>
    <name>AnalysisDialog</name>
    <message>
        <source>Analysis and planned time</source>
        <translation>分析与计划用时</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Planned time</source>
        <translation>计划用时</translation>
    </message>
</context>
<context>
    <name>ArticleEditor</name>
    <message>
        <source>Edit article</source>
        <translation>编辑文章</translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation>（无分类）</translation>
    </message>
    <message>
        <source>comma-separated, e.g. 网络, 专线</source>
        <translation>用逗号分隔，例如：网络, 专线</translation>
    </message>
    <message>
        <source>product or system</source>
        <translation>产品或系统</translation>
    </message>
    <message>
        <source>(not reviewed)</source>
        <translation>（未审核）</translation>
    </message>
    <message>
        <source>what changed (optional)</source>
        <translation>修改说明（可选）</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>S&amp;ummary:</source>
        <translation>摘要(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>分类(&amp;C)：</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>标签(&amp;A)：</translation>
    </message>
    <message>
        <source>A&amp;pplies to:</source>
        <translation>适用范围(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Reviewer:</source>
        <translation>审核人(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Body (Markdown):</source>
        <translation>正文（Markdown）(&amp;B)：</translation>
    </message>
    <message>
        <source>S&amp;olution:</source>
        <translation>解决方案(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>说明(&amp;N)：</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <source>The article needs a title (at most 200 characters).</source>
        <translation>文章需要标题（最多 200 个字符）。</translation>
    </message>
</context>
<context>
    <name>ArticleSuggestions</name>
    <message>
        <source>Suggested articles</source>
        <translation>推荐文章</translation>
    </message>
    <message>
        <source>Insert solution (Ins)</source>
        <translation>插入解决方案 (Ins)</translation>
    </message>
    <message>
        <source>No matching article yet.</source>
        <translation>暂无匹配的文章。</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>历史版本(&amp;H)…</translation>
    </message>
    <message>
        <source>This &amp;solved it</source>
        <translation>已解决问题(&amp;S)</translation>
    </message>
    <message>
        <source>Choose an article to read it.</source>
        <translation>请选择一篇文章进行阅读。</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <source>Applies to: %1</source>
        <translation>适用范围：%1</translation>
    </message>
    <message>
        <source>Version %1, %2</source>
        <translation>第 %1 版，%2</translation>
    </message>
    <message>
        <source>Author: %1</source>
        <translation>作者：%1</translation>
    </message>
    <message>
        <source>Reviewer: %1</source>
        <translation>审核人：%1</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <source>Views: %1 · Linked tickets: %2 · &quot;Solved it&quot; votes: %3</source>
        <translation>查看 %1 次 · 关联工单 %2 个 · “已解决”投票 %3 次</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Type to find: name, login, team or pinyin initials</source>
        <translation>输入以查找：姓名、登录名、班组或拼音首字母</translation>
    </message>
    <message>
        <source>Nobody matches what you typed.</source>
        <translation>没有与输入内容匹配的人员。</translation>
    </message>
    <message>
        <source>Best first: skill for the category, seniority for the level, open tickets and who is on shift now.</source>
        <translation>优先推荐：分类所需技能、级别所需资历、未结工单数以及当前是否在班。</translation>
    </message>
    <message>
        <source>Assign %1</source>
        <translation>分派 %1</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Accounts and roles</source>
        <translation>账号与角色</translation>
    </message>
    <message>
        <source>Staff, teams and skills</source>
        <translation>人员、班组和技能</translation>
    </message>
    <message>
        <source>Ticket types and categories</source>
        <translation>工单类型和分类</translation>
    </message>
    <message>
        <source>Requesters</source>
        <translation>报障人</translation>
    </message>
    <message>
        <source>Desk settings</source>
        <translation>服务台设置</translation>
    </message>
    <message>
        <source>SLA policy</source>
        <translation>SLA 策略</translation>
    </message>
    <message>
        <source>Rota</source>
        <translation>排班</translation>
    </message>
    <message>
        <source>Knowledge base</source>
        <translation>知识库</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Password set</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Skill of a person</source>
        <translation>人员技能</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>工单类型</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Desk setting</source>
        <translation>服务台设置</translation>
    </message>
    <message>
        <source>SLA policy version</source>
        <translation>SLA 策略版本</translation>
    </message>
    <message>
        <source>Calendar day</source>
        <translation>日历日</translation>
    </message>
    <message>
        <source>Rota period</source>
        <translation>排班周期</translation>
    </message>
    <message>
        <source>Rota cover</source>
        <translation>排班替班</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>报障人</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Seniority</source>
        <translation>资历</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Icon</source>
        <translation>图标</translation>
    </message>
    <message>
        <source>Person responsible</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Published at</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <source>Published by</source>
        <translation>发布人</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>taken over from this desk&apos;s settings file</source>
        <translation>从本席位的设置文件迁移而来</translation>
    </message>
    <message>
        <source>(the desk itself)</source>
        <translation>（系统自动）</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>(not shown)</source>
        <translation>（不显示）</translation>
    </message>
</context>
<context>
    <name>AuditLogTab</name>
    <message>
        <source>Name or login</source>
        <translation>姓名或登录名</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>最近 365 天</translation>
    </message>
    <message>
        <source>Chosen days</source>
        <translation>自定义日期</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the lines the filters match to an Excel (XLSX) or CSV file</source>
        <translation>将符合筛选条件的记录导出为 Excel（XLSX）或 CSV 文件</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>操作人：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>时间范围：</translation>
    </message>
    <message>
        <source>The audit log is for supervisors and administrators. Ask one of them if you need to know who changed something.</source>
        <translation>审计日志仅供值班长和管理员查看。如需了解是谁修改了某项内容，请向他们询问。</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>%1 line(s)</source>
        <translation>%1 条记录</translation>
    </message>
    <message>
        <source>Select a line to see what changed.</source>
        <translation>选择一条记录以查看变更内容。</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 编码 (*.csv)</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>When (%1)</source>
        <translation>时间（%1）</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>What</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>(the desk itself)</source>
        <translation>（系统自动）</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Exporting… %1 of %2</source>
        <translation>正在导出…（%1/%2）</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message>
        <source>The audit log could not be written: %1</source>
        <translation>无法导出审计日志：%1</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>What</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Wallboard</source>
        <translation>值班大屏</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>未结工单</translation>
    </message>
    <message>
        <source>SLA at risk</source>
        <translation>SLA 临近超时</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA 已超时</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分派</translation>
    </message>
    <message>
        <source>Not picked up</source>
        <translation>未接手</translation>
    </message>
    <message>
        <source>Given to a seat who has not started it yet</source>
        <translation>已分派给坐席，但尚未开始处理</translation>
    </message>
    <message>
        <source>Open tickets nobody holds; click to list them in the queue</source>
        <translation>无人处理的未结工单；点击在队列中列出</translation>
    </message>
    <message>
        <source>Click to list these tickets in the queue</source>
        <translation>点击在队列中列出这些工单</translation>
    </message>
    <message>
        <source>Open tickets by state and level</source>
        <translation>未结工单（按状态和级别）</translation>
    </message>
    <message>
        <source>On duty now</source>
        <translation>当前在岗</translation>
    </message>
    <message>
        <source>Today per channel (tickets logged today)</source>
        <translation>今日各渠道（今日登记的工单）</translation>
    </message>
    <message>
        <source>Oldest waiting tickets</source>
        <translation>等待最久的工单</translation>
    </message>
    <message>
        <source>Last escalations</source>
        <translation>最近升级</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>First response met</source>
        <translation>首次响应达标</translation>
    </message>
    <message>
        <source>Resolution met</source>
        <translation>解决达标</translation>
    </message>
    <message>
        <source>Breached now</source>
        <translation>当前已超时</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Seen by</source>
        <translation>知悉情况</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>Click to list these tickets</source>
        <translation>点击列出这些工单</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>全部未结</translation>
    </message>
    <message>
        <source>No published rota covers this moment</source>
        <translation>当前时段没有已发布的排班</translation>
    </message>
    <message>
        <source>(on call)</source>
        <translation>（备班）</translation>
    </message>
    <message>
        <source>Phone today: no calls</source>
        <translation>今日电话：暂无来电</translation>
    </message>
    <message>
        <source>Phone today: %1 of the calls answered within %2 rings; %3 not answered</source>
        <translation>今日电话：%1 的来电在 %2 声内接听；%3 个未接听</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>统计中…</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>No tickets logged today</source>
        <translation>今日暂无登记的工单</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>acknowledged: %1</source>
        <translation>已确认：%1</translation>
    </message>
    <message>
        <source>shown to: %1</source>
        <translation>已推送：%1</translation>
    </message>
</context>
<context>
    <name>CallerPopup</name>
    <message>
        <source>Call</source>
        <translation>来电</translation>
    </message>
    <message>
        <source>Log this call (F8)</source>
        <translation>为此来电建单 (F8)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Last tickets</source>
        <translation>最近工单</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>来电</translation>
    </message>
    <message>
        <source>On the call</source>
        <translation>通话中</translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation>通话结束</translation>
    </message>
    <message>
        <source>Missed call</source>
        <translation>未接来电</translation>
    </message>
    <message>
        <source>Number withheld</source>
        <translation>号码未显示</translation>
    </message>
    <message>
        <source>Unknown number</source>
        <translation>未知号码</translation>
    </message>
    <message>
        <source>No tickets yet</source>
        <translation>暂无工单</translation>
    </message>
    <message>
        <source>Not answered: a call-back task was opened</source>
        <translation>未接听：已创建回电任务</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>未接听</translation>
    </message>
    <message>
        <source>Answered after %1 rings</source>
        <translation>响铃 %1 声后接听</translation>
    </message>
    <message>
        <source> - over the %1-ring target</source>
        <translation>，超过 %1 声目标</translation>
    </message>
</context>
<context>
    <name>CatalogPanel</name>
    <message>
        <source>Categories</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Ticket types</source>
        <translation>工单类型</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Icon</source>
        <translation>图标</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单数</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>%1 tickets and %2 knowledge-base articles</source>
        <translation>%1 张工单和 %2 篇知识库文章</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Nobody named</source>
        <translation>未指定</translation>
    </message>
    <message>
        <source>Every category needs a person responsible: edit it to name one.</source>
        <translation>每个分类都需要负责人：请编辑该分类并指定一位。</translation>
    </message>
    <message>
        <source>%1 (left)</source>
        <translation>%1（已离职）</translation>
    </message>
    <message>
        <source>No longer active: edit the category to name someone else.</source>
        <translation>此人已停用：请编辑该分类，另行指定负责人。</translation>
    </message>
    <message>
        <source>Bring back</source>
        <translation>恢复启用</translation>
    </message>
    <message>
        <source>Add a category</source>
        <translation>添加分类</translation>
    </message>
    <message>
        <source>Add a ticket type</source>
        <translation>添加工单类型</translation>
    </message>
    <message>
        <source>Edit the selected entry (Enter)</source>
        <translation>编辑所选条目（Enter）</translation>
    </message>
    <message>
        <source>Offer it earlier in the pickers (Ctrl+Up)</source>
        <translation>在选择列表中靠前显示（Ctrl+Up）</translation>
    </message>
    <message>
        <source>Offer it later in the pickers (Ctrl+Down)</source>
        <translation>在选择列表中靠后显示（Ctrl+Down）</translation>
    </message>
    <message>
        <source>Retired entries stay on their tickets but are offered for nothing new</source>
        <translation>已停用的条目仍保留在原有工单上，但不再供新工单选用</translation>
    </message>
    <message>
        <source>Remove an entry nothing uses (Del)</source>
        <translation>删除未被使用的条目（Del）</translation>
    </message>
    <message>
        <source>Tickets or articles use it: retire it instead, so they keep its name</source>
        <translation>已有工单或文章使用此条目：请改为停用，以保留其名称</translation>
    </message>
</context>
<context>
    <name>CatalogTab</name>
    <message>
        <source>Read-only: only administrators change ticket types and categories.</source>
        <translation>只读：仅管理员可修改工单类型和分类。</translation>
    </message>
    <message>
        <source>Only administrators change the catalog</source>
        <translation>仅管理员可修改工单目录</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove %1? Nothing uses it; it disappears from every list, and its code stays taken.</source>
        <translation>删除 %1？目前没有任何地方使用它；删除后它将从所有列表中消失，但其代码仍被占用，不能再次使用。</translation>
    </message>
</context>
<context>
    <name>ChatPanel</name>
    <message>
        <source>Answer, then Enter</source>
        <translation>输入回复后按回车</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接入</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>转交…</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>No chat waiting</source>
        <translation>没有等待的会话</translation>
    </message>
    <message>
        <source>The live chat shows here when the desk is connected to the server.</source>
        <translation>服务台连接服务器后，此处显示实时会话。</translation>
    </message>
    <message>
        <source>Live chat: %1</source>
        <translation>实时会话：%1</translation>
    </message>
    <message>
        <source>%1 is answering</source>
        <translation>%1 正在接待</translation>
    </message>
    <message>
        <source>The chat has ended</source>
        <translation>会话已结束</translation>
    </message>
    <message>
        <source>Chats need the server</source>
        <translation>在线会话需要服务器</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>转交</translation>
    </message>
    <message>
        <source>The seat who takes this chat:</source>
        <translation>接手此会话的坐席：</translation>
    </message>
</context>
<context>
    <name>ChatWindow</name>
    <message>
        <source>Chats</source>
        <translation>在线会话</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>我的</translation>
    </message>
</context>
<context>
    <name>CodedNameDialog</name>
    <message>
        <source>The code never changes once saved: other records refer to it. Names may change at any time; one name is enough.</source>
        <translation>代码一经保存便不可更改，因为其他记录会引用它。名称可随时修改，填写一个即可。</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>代码(&amp;C)</translation>
    </message>
    <message>
        <source>Name (&amp;Chinese)</source>
        <translation>名称（中文）(&amp;C)</translation>
    </message>
    <message>
        <source>Name (&amp;English)</source>
        <translation>名称（英文）(&amp;E)</translation>
    </message>
</context>
<context>
    <name>CodedNamesPanel</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Bring back</source>
        <translation>恢复启用</translation>
    </message>
</context>
<context>
    <name>ColourButton</name>
    <message>
        <source>Colour of the badge</source>
        <translation>徽标颜色</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to a sync server</source>
        <translation>连接同步服务器</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Changes made on this desk from now on are sent to the server; the desk keeps working when the network is down.</source>
        <translation>从现在起，本席位的修改会发送到服务器；网络中断时席位照常工作。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Enter the server address, e.g. https://seatdesk.example.gov.cn</source>
        <translation>请输入服务器地址，例如 https://seatdesk.example.gov.cn</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>This desk already holds its own records, so it cannot join a server. Start Seatdesk with a new data folder to join, or have an administrator import this desk into an empty server.</source>
        <translation>本席位已有自己的数据，不能加入服务器。请用新的数据目录启动 Seatdesk 后再加入，或请管理员把本席位的数据导入一台空的服务器。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address and the network.</source>
        <translation>无法连接服务器，请检查地址和网络。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins. Wait 15 minutes and try again.</source>
        <translation>登录失败次数过多，请 15 分钟后再试。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <source>Standalone (local database)</source>
        <translation>单机（本地数据库）</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline: changes are kept locally</source>
        <translation>离线：更改已保存在本地</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Signed out: sign in to sync</source>
        <translation>已退出登录：登录后才能同步</translation>
    </message>
    <message>
        <source>%n pending</source>
        <translation>%n 条待发送</translation>
    </message>
    <message>
        <source>%n need attention</source>
        <translation>%n 条需处理</translation>
    </message>
    <message>
        <source>%n conflicts</source>
        <translation>%n 个冲突</translation>
    </message>
</context>
<context>
    <name>CostsDialog</name>
    <message>
        <source>Costs of the plan</source>
        <translation>排班代价</translation>
    </message>
    <message>
        <source>Each soft rule&apos;s weight times how far it is broken; hover a figure for the days behind it. Hard rules are not costs: they are listed beside the grid.</source>
        <translation>每条软规则的权重乘以违反的程度；将鼠标停在数字上可查看对应的日期。硬规则不计代价：它们列在表格旁边。</translation>
    </message>
    <message>
        <source>Cover (the desk)</source>
        <translation>人员覆盖（全组）</translation>
    </message>
    <message>
        <source>Total cost of the soft rules: {total}</source>
        <translation>软规则总代价：{total}</translation>
    </message>
</context>
<context>
    <name>CostsModel</name>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>CountdownDelegate</name>
    <message>
        <source>estimated: the official holidays of %1 are not entered yet (File &gt; Official holidays…)</source>
        <translation>估算：%1 年的法定节假日尚未录入（文件 &gt; 法定节假日…）</translation>
    </message>
    <message>
        <source>%1: paused</source>
        <translation>%1：已暂停</translation>
    </message>
    <message>
        <source>%1: due %2</source>
        <translation>%1：截止 %2</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
</context>
<context>
    <name>CoverDialog</name>
    <message>
        <source>Cover a shift</source>
        <translation>顶班</translation>
    </message>
    <message>
        <source>e.g. sick leave, swap agreed with the seat</source>
        <translation>例如：病假、与同事协商换班</translation>
    </message>
    <message>
        <source>Covered by</source>
        <translation>顶班人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>CoverageDialog</name>
    <message>
        <source>Coverage requirements</source>
        <translation>人员配置要求</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期类型</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Seniors</source>
        <translation>资深人数</translation>
    </message>
    <message>
        <source>Required skills</source>
        <translation>必备技能</translation>
    </message>
    <message>
        <source>Cost of one missing</source>
        <translation>每缺一人的代价</translation>
    </message>
    <message>
        <source>Cost of one extra</source>
        <translation>每多一人的代价</translation>
    </message>
    <message>
        <source>Seniors count towards the people. A holiday without its own numbers used the weekend&apos;s; saving stores all of them.</source>
        <translation>资深人员计入人数。节假日未单独设置时沿用周末的要求；保存时会全部写入。</translation>
    </message>
    <message>
        <source>rule&apos;s</source>
        <translation>规则权重</translation>
    </message>
</context>
<context>
    <name>DatedCoverDialog</name>
    <message>
        <source>Cover for particular dates</source>
        <translation>特定日期的人员需求</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Seniors</source>
        <translation>资深人数</translation>
    </message>
    <message>
        <source>Cost of one missing</source>
        <translation>每缺一人的代价</translation>
    </message>
    <message>
        <source>Cost of one extra</source>
        <translation>每多一人的代价</translation>
    </message>
    <message>
        <source>Add date</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>A date&apos;s row replaces the cover of its kind of day for that shift. A cost of 0 uses the rule&apos;s weight; costs count only where the rule is soft.</source>
        <translation>某日期的设置会替代该班次在此类日子的人员需求。代价为 0 时使用规则的权重；仅当规则为软规则时才计代价。</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <source>Your service desk</source>
        <translation>您的服务台</translation>
    </message>
    <message>
        <source>Seats see the desk&apos;s name when they sign in; deadlines, shifts and reports count in its time zone.</source>
        <translation>坐席登录时会看到服务台名称；时限、班次和报表均按其时区计算。</translation>
    </message>
    <message>
        <source>Desk &amp;name:</source>
        <translation>服务台名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>时区(&amp;T)：</translation>
    </message>
    <message>
        <source>e.g. 市政务云服务台</source>
        <translation>例如：市政务云服务台</translation>
    </message>
    <message>
        <source>An administrator can change it later under Administration → Desk settings.</source>
        <translation>管理员之后可在“系统管理 → 服务台设置”中修改。</translation>
    </message>
    <message>
        <source>Type a part of the name to find a zone, e.g. Shanghai or Urumqi.</source>
        <translation>输入名称的一部分以查找时区，例如 Shanghai（上海）或 Urumqi（乌鲁木齐）。</translation>
    </message>
    <message>
        <source>Now %1</source>
        <translation>当前时间：%1</translation>
    </message>
    <message>
        <source>Not a time zone this desk knows</source>
        <translation>无法识别的时区</translation>
    </message>
</context>
<context>
    <name>DeskSettingsTab</name>
    <message>
        <source>Desk name</source>
        <translation>服务台名称</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Grading</source>
        <translation>定级</translation>
    </message>
    <message>
        <source>Confirmation timeout</source>
        <translation>确认时限</translation>
    </message>
    <message>
        <source>Backup every</source>
        <translation>备份间隔</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>保留备份数</translation>
    </message>
    <message>
        <source>Automatic assignment</source>
        <translation>自动分派</translation>
    </message>
    <message>
        <source>Level-3 results reviewed</source>
        <translation>三级结果审核比例</translation>
    </message>
    <message>
        <source>Urgency weight</source>
        <translation>紧急程度权重</translation>
    </message>
    <message>
        <source>Impact scope weight</source>
        <translation>影响范围权重</translation>
    </message>
    <message>
        <source>Business importance weight</source>
        <translation>业务重要性权重</translation>
    </message>
    <message>
        <source>Level 1 from score</source>
        <translation>一级分数下限</translation>
    </message>
    <message>
        <source>Level 2 from score</source>
        <translation>二级分数下限</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <source>e.g. City Government Cloud Service Desk</source>
        <translation>例如：市政务云服务台</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>The desk</source>
        <translation>服务台</translation>
    </message>
    <message>
        <source>The time zone every desk shows and reads times in (pages already open follow it at the next start). SLA business hours belong to the SLA policy.</source>
        <translation>各席位显示和录入时间所用的时区（已打开的页面在下次启动后生效）。SLA 工作时间在 SLA 策略中设置。</translation>
    </message>
    <message>
        <source>Request grading</source>
        <translation>工单定级</translation>
    </message>
    <message>
        <source>Urgency, impact scope and business importance are rated 1 (low) to 3 (high); their weighted average is the score. A score from the level 1 threshold up is level 1, from the level 2 threshold up level 2, below it level 3. New and re-graded tickets use the weights saved here.</source>
        <translation>紧急程度、影响范围和业务重要性按 1（低）至 3（高）评分，三者的加权平均值即为得分。得分不低于一级分数下限的为一级，不低于二级分数下限的为二级，其余为三级。新建和重新定级的工单使用此处保存的权重。</translation>
    </message>
    <message>
        <source>Closing the loop</source>
        <translation>闭环</translation>
    </message>
    <message>
        <source>A resolved ticket the requester has not confirmed is closed unconfirmed after this time.</source>
        <translation>已解决的工单如报障人超过此时限仍未确认，将按“未确认”关闭。</translation>
    </message>
    <message>
        <source>A senior engineer reviews this share of the resolved level-3 tickets (100 %: all of them), the same sample on every desk.</source>
        <translation>高级工程师按此比例审核已解决的三级工单（100% 即全部审核），各坐席抽样一致。</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Each desk keeps online copies of its own database in its data folder&apos;s backups folder.</source>
        <translation>每个席位都会在其数据文件夹下的 backups 文件夹中保存本机数据库的在线副本。</translation>
    </message>
    <message>
        <source>Off: every ticket is dispatched by hand</source>
        <translation>关闭：所有工单人工分派</translation>
    </message>
    <message>
        <source>New tickets go to the best available member of %1</source>
        <translation>新工单自动分派给 %1 中最合适的可用人员</translation>
    </message>
    <message>
        <source>The built-in value: never changed</source>
        <translation>内置默认值：从未修改</translation>
    </message>
    <message>
        <source>Last change: %1, %2</source>
        <translation>最近修改：%1，%2</translation>
    </message>
    <message>
        <source>Every setting has its built-in value.</source>
        <translation>所有设置均为内置默认值。</translation>
    </message>
    <message>
        <source>taken over from this desk&apos;s settings file on %1</source>
        <translation>于 %1 从本席位的设置文件迁移而来</translation>
    </message>
    <message>
        <source>changed by %1 on %2</source>
        <translation>由 %1 于 %2 修改</translation>
    </message>
    <message>
        <source>Settings were changed meanwhile (%1). Revert shows them; Save keeps yours.</source>
        <translation>设置已在此期间被修改（%1）。点击“还原”可查看最新设置；点击“保存”将保留您的修改。</translation>
    </message>
    <message>
        <source>Only administrators change desk-wide settings</source>
        <translation>仅管理员可修改服务台设置</translation>
    </message>
    <message>
        <source>Read-only: only administrators change desk-wide settings. They apply to every desk of this service desk.</source>
        <translation>只读：仅管理员可修改服务台设置。这些设置适用于本服务台的所有席位。</translation>
    </message>
</context>
<context>
    <name>DispatchModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>On shift now</source>
        <translation>当前在班</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>未结工单</translation>
    </message>
    <message>
        <source>Skill match</source>
        <translation>技能匹配</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>on shift</source>
        <translation>在班</translation>
    </message>
    <message>
        <source>off shift</source>
        <translation>不在班</translation>
    </message>
    <message>
        <source>available</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <source>away</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>skill %1 · seniority %2 · %3 open ticket(s) · availability %4</source>
        <translation>技能 %1 · 资历 %2 · %3 个未结工单 · 可用性 %4</translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单数</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>Same phone: %1</source>
        <translation>电话相同：%1</translation>
    </message>
    <message>
        <source>Same name and unit: %1</source>
        <translation>姓名和单位相同：%1</translation>
    </message>
    <message>
        <source>%1 group(s) of requesters that look like one person: the same phone number, or the same name in the same unit.</source>
        <translation>%1 组报障人疑似同一人：电话号码相同，或同一单位内姓名相同。</translation>
    </message>
    <message>
        <source>No likely duplicates: no two requesters share a phone number, or a name in one unit.</source>
        <translation>未发现疑似重复：没有电话号码相同的报障人，也没有同一单位内姓名相同的报障人。</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <source>Edit ticket %1</source>
        <translation>编辑工单 %1</translation>
    </message>
    <message>
        <source>Override level</source>
        <translation>手动调整级别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>影响范围</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>业务重要性</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>调整级别的原因</translation>
    </message>
</context>
<context>
    <name>EmergencyBanner</name>
    <message>
        <source>Emergency</source>
        <translation>应急</translation>
    </message>
    <message>
        <source>LEVEL-1 EMERGENCY: %1 %2 — %3, led by %4</source>
        <translation>一级应急：%1 %2 — %3，由 %4 牵头</translation>
    </message>
    <message>
        <source>Level-1 emergency</source>
        <translation>一级应急</translation>
    </message>
    <message numerus="yes">
        <source>%n level-1 emergency(s) in force</source>
        <translation>
            <numerusform>%n 个一级应急正在处置</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmergencyDialog</name>
    <message>
        <source>Level-1 emergency</source>
        <translation>一级应急</translation>
    </message>
    <message>
        <source>Every desk shows the emergency until the ticket is resolved. The senior expert is assigned the ticket.</source>
        <translation>在工单解决前，所有坐席都会显示该应急状态。工单将分派给牵头的资深专家。</translation>
    </message>
    <message>
        <source>Emergency plan</source>
        <translation>应急预案</translation>
    </message>
    <message>
        <source>Senior expert</source>
        <translation>资深专家</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>No senior expert is in service: a level-1 emergency needs one to lead it.</source>
        <translation>没有在岗的资深专家：一级应急须由资深专家牵头。</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Add a category</source>
        <translation>添加分类</translation>
    </message>
    <message>
        <source>Add a ticket type</source>
        <translation>添加工单类型</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>A code never changes: SLA policies and other desks refer to it.</source>
        <translation>代码一经设定便不可更改：SLA 策略和其他席位会引用它。</translation>
    </message>
    <message>
        <source>One to three characters drawn in white on the colour: pick one or type your own.</source>
        <translation>以白色显示在底色上的 1 至 3 个字符：可从中选择，也可自行输入。</translation>
    </message>
    <message>
        <source>Dispatch suggests people who have this skill.</source>
        <translation>分派时将推荐具备此技能的人员。</translation>
    </message>
    <message>
        <source>%1 (no longer active)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <source>Choose a person</source>
        <translation>选择人员</translation>
    </message>
    <message>
        <source>The person answerable for this kind of problem.</source>
        <translation>负责此类问题的人员。</translation>
    </message>
    <message>
        <source>I&amp;con</source>
        <translation>图标(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>代码(&amp;C)</translation>
    </message>
    <message>
        <source>Name (&amp;Chinese)</source>
        <translation>名称（中文）(&amp;C)</translation>
    </message>
    <message>
        <source>Name (&amp;English)</source>
        <translation>名称（英文）(&amp;E)</translation>
    </message>
    <message>
        <source>C&amp;olour</source>
        <translation>颜色(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Skill</source>
        <translation>技能(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Responsible</source>
        <translation>负责人(&amp;R)</translation>
    </message>
    <message>
        <source>The code never changes once saved. One name is enough; the other language shows it until it has its own.</source>
        <translation>代码一经保存便不可更改。名称填写一个即可；在另一种语言有自己的名称之前，将显示此名称。</translation>
    </message>
</context>
<context>
    <name>EscalationInbox</name>
    <message>
        <source>Escalated to the supervisors</source>
        <translation>已升级至值班长</translation>
    </message>
    <message>
        <source>Acknowledge what you have taken charge of: it is recorded under your name, and leaves every supervisor&apos;s list.</source>
        <translation>请确认您已接手处理的升级：确认将以您的名义记录，并从所有值班长的列表中移除。</translation>
    </message>
    <message>
        <source>Acknowledge escalation</source>
        <translation>确认升级</translation>
    </message>
    <message>
        <source>Acknowledge the selected escalations</source>
        <translation>确认所选升级</translation>
    </message>
    <message>
        <source>{number}  {target} {threshold}, escalated at {time}
{title}</source>
        <translation>{number}  {target} {threshold}，升级时间 {time}
{title}</translation>
    </message>
    <message numerus="yes">
        <source>Escalated to the supervisors: %n awaiting acknowledgement</source>
        <translation>
            <numerusform>已升级至值班长：%n 条待确认</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EscalationsEditor</name>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时机</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Senior group</source>
        <translation>上级组</translation>
    </message>
    <message>
        <source>Webhook address</source>
        <translation>Webhook 地址</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>EscalationsPage</name>
    <message>
        <source>Escalation ledger</source>
        <translation>升级台账</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>动作(&amp;A)：</translation>
    </message>
    <message>
        <source>O&amp;utcome:</source>
        <translation>结果(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>分类(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>班组(&amp;T)：</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>最近 365 天</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Chosen days</source>
        <translation>指定日期</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the lines shown to an Excel (XLSX) or CSV file</source>
        <translation>将显示的行写入 Excel（XLSX）或 CSV 文件</translation>
    </message>
    <message>
        <source>By rule</source>
        <translation>按规则</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按分类</translation>
    </message>
    <message>
        <source>By team (owner&apos;s)</source>
        <translation>按班组（处理人所在班组）</translation>
    </message>
    <message>
        <source>From escalation to resolution</source>
        <translation>从升级到解决</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message numerus="yes">
        <source>%n escalation(s)</source>
        <translation>
            <numerusform>%n 次升级</numerusform>
        </translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>（无班组）</translation>
    </message>
    <message>
        <source>Resolved after the escalation: %1; not resolved yet: %2</source>
        <translation>升级后已解决：%1；尚未解决：%2</translation>
    </message>
    <message>
        <source>p%1: %2</source>
        <translation>p%1：%2</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export the escalation ledger</source>
        <translation>导出升级台账</translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation>时间（%1）</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Owner then</source>
        <translation>当时处理人</translation>
    </message>
    <message>
        <source>Delivered to</source>
        <translation>送达对象</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Hours to resolution</source>
        <translation>解决用时（小时）</translation>
    </message>
    <message>
        <source>Followed by</source>
        <translation>跟进人</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message>
        <source>The ledger could not be written: %1</source>
        <translation>无法写入台账：%1</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Written to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>%2 files written to %1</source>
        <translation>已将 %2 个文件导出到 %1</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
</context>
<context>
    <name>HolidaysDialog</name>
    <message>
        <source>Official holidays</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <source>e.g. 国务院办公厅关于2027年部分节假日安排的通知</source>
        <translation>例如：国务院办公厅关于2027年部分节假日安排的通知</translation>
    </message>
    <message>
        <source>Paste the notice here, then read the dates from it: sentences with 放假 name holidays, sentences with 上班 name make-up working days.</source>
        <translation>在此粘贴通知，然后读取日期：含“放假”的句子为节假日，含“上班”的句子为调休上班日。</translation>
    </message>
    <message>
        <source>Read the dates</source>
        <translation>读取日期</translation>
    </message>
    <message>
        <source>One date or range a line: 2027-02-15 ~ 2027-02-23</source>
        <translation>每行一个日期或区间：2027-02-15 ~ 2027-02-23</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>Notice:</source>
        <translation>通知：</translation>
    </message>
    <message>
        <source>Public holidays (closed):</source>
        <translation>法定节假日（休息）：</translation>
    </message>
    <message>
        <source>Make-up working days (调休上班):</source>
        <translation>调休上班日：</translation>
    </message>
    <message>
        <source>Only an administrator can enter official holidays. The page is read-only.</source>
        <translation>只有管理员可以录入法定节假日。此页面为只读。</translation>
    </message>
    <message>
        <source>Entered from the notice: deadlines in %1 count with these days.</source>
        <translation>已按通知录入：%1 年的截止时间按这些日期计算。</translation>
    </message>
    <message>
        <source>The holiday library knows %1; days entered here win over it.</source>
        <translation>节假日库已包含 %1 年；此处录入的日期优先。</translation>
    </message>
    <message>
        <source>Nobody knows the official days of %1 yet: its business-hours deadlines count Monday to Friday and are marked as estimated.</source>
        <translation>%1 年的法定节假日尚未知：其工作时间截止按周一至周五计算，并标记为估算。</translation>
    </message>
    <message>
        <source>List at least one public holiday.</source>
        <translation>请至少列出一个法定节假日。</translation>
    </message>
    <message>
        <source>%1 is not in the year chosen.</source>
        <translation>%1 不在所选年份内。</translation>
    </message>
    <message>
        <source>%1 is listed both as a holiday and as a working day.</source>
        <translation>%1 同时被列为节假日和上班日。</translation>
    </message>
    <message>
        <source>%1 is a weekday: make-up working days fall on a Saturday or Sunday.</source>
        <translation>%1 是工作日：调休上班日应在周六或周日。</translation>
    </message>
    <message>
        <source>“%1” is not a date.</source>
        <translation>“%1”不是日期。</translation>
    </message>
</context>
<context>
    <name>HoursEditor</name>
    <message>
        <source>Business hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Business-hours targets count only between these times on working days. The hours belong to the policy version: tickets logged after saving follow them, tickets already logged keep the hours of their version.</source>
        <translation>按工作时间计时的目标只在工作日的这段时间内计时。工作时间属于策略版本：保存后登记的工单按新的时间计时，已登记的工单保持其版本的工作时间。</translation>
    </message>
    <message>
        <source>Open from:</source>
        <translation>工作时段：</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>时区：</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import staff</source>
        <translation>导入人员</translation>
    </message>
    <message>
        <source>Choose a CSV or XLSX file exported from Excel or WPS: one row per person, with at least the columns 姓名 (name) and 登录名 (login).</source>
        <translation>请选择从 Excel 或 WPS 导出的 CSV 或 XLSX 文件：每人一行，至少包含“姓名”和“登录名”两列。</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <source>Show only rows with &amp;problems</source>
        <translation>仅显示有问题的行(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Choose a staff list</source>
        <translation>选择人员名单</translation>
    </message>
    <message>
        <source>Staff lists (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>人员名单 (*.csv *.xlsx *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何数据：%1</translation>
    </message>
    <message>
        <source>No file chosen yet.</source>
        <translation>尚未选择文件。</translation>
    </message>
    <message>
        <source>This file cannot be imported.</source>
        <translation>此文件无法导入。</translation>
    </message>
    <message>
        <source>%1 new, %2 to update, %3 with problems.</source>
        <translation>新增 %1 条，更新 %2 条，有问题 %3 条。</translation>
    </message>
    <message>
        <source>New accounts without a password: %1 (set passwords under Accounts and roles).</source>
        <translation>未设置密码的新账号：%1（请在“账号与角色”中设置密码）。</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>请先选择文件。</translation>
    </message>
    <message>
        <source>The file cannot be imported: see the problems above it.</source>
        <translation>此文件无法导入：请查看上方列出的问题。</translation>
    </message>
    <message>
        <source>Correct the rows with problems in the file, then choose it again: nothing is imported while a row has a problem.</source>
        <translation>请在文件中修正有问题的行，然后重新选择该文件：只要还有一行有问题，就不会导入任何数据。</translation>
    </message>
    <message>
        <source>Import all %1 rows in one step.</source>
        <translation>一次性导入全部 %1 行。</translation>
    </message>
</context>
<context>
    <name>Intake</name>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>requester</source>
        <translation>报障人</translation>
    </message>
    <message>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>phone or e-mail</source>
        <translation>电话或电子邮箱</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>reason for the override</source>
        <translation>调整级别的原因</translation>
    </message>
</context>
<context>
    <name>IntakeAnalysis</name>
    <message>
        <source>Level 3: analysis and planned time</source>
        <translation>三级：分析与计划用时</translation>
    </message>
    <message>
        <source>What the request is about, and how it will be handled</source>
        <translation>请求的内容及处理思路</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Recorded on the ticket when it is saved at level 3.</source>
        <translation>工单按三级保存时记录到工单上。</translation>
    </message>
    <message>
        <source>Planned time</source>
        <translation>计划用时</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>&amp;New ticket…</source>
        <translation>新建工单(&amp;N)…</translation>
    </message>
    <message>
        <source>Ticket %1 saved.</source>
        <translation>工单 %1 已保存。</translation>
    </message>
    <message>
        <source>Assigned automatically to %1.</source>
        <translation>已自动分派给 %1。</translation>
    </message>
    <message>
        <source>Nobody in the team is available: left for dispatch.</source>
        <translation>该组暂无可用人员：留待人工分派。</translation>
    </message>
    <message>
        <source>Automatic &amp;assignment…</source>
        <translation>自动分派(&amp;A)…</translation>
    </message>
    <message>
        <source>Only administrators choose the automatic assignment</source>
        <translation>仅管理员可选择自动分派</translation>
    </message>
    <message>
        <source>Off: every ticket is dispatched by hand</source>
        <translation>关闭：所有工单人工分派</translation>
    </message>
    <message>
        <source>Automatic assignment</source>
        <translation>自动分派</translation>
    </message>
    <message>
        <source>New tickets go to the best available member of:</source>
        <translation>新工单自动分派给以下小组中最合适的在岗人员：</translation>
    </message>
    <message>
        <source>New ticket</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <source>Requester: name, phone or unit</source>
        <translation>报障人：姓名、电话或单位</translation>
    </message>
    <message>
        <source>Override level</source>
        <translation>手动调整级别</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>调整级别的原因</translation>
    </message>
    <message>
        <source>Save ticket (Ctrl+S)</source>
        <translation>保存工单 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save, first response given (Ctrl+Shift+S)</source>
        <translation>保存并记为已首次响应 (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>New requester</source>
        <translation>新建报障人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>报障人</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>影响范围</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>业务重要性</translation>
    </message>
    <message>
        <source>Grading</source>
        <translation>定级</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Earlier tickets of this requester</source>
        <translation>该报障人的历史工单</translation>
    </message>
    <message>
        <source>Answer given: %1</source>
        <translation>已答复：%1</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>缺少：%1</translation>
    </message>
    <message>
        <source>Not valid: %1</source>
        <translation>无效：%1</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>已填写完整</translation>
    </message>
    <message>
        <source>Unsaved ticket</source>
        <translation>未保存的工单</translation>
    </message>
    <message>
        <source>A new ticket was not saved (kept at %1): %2

Restore it into this form?</source>
        <translation>有一张新工单未保存（暂存于 %1）：%2

是否将其恢复到此表单？</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard it</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <source>Discard this ticket?</source>
        <translation>丢弃此工单？</translation>
    </message>
    <message>
        <source>What you typed into this form has not been saved as a ticket. Discard it?</source>
        <translation>您在此表单中填写的内容尚未保存为工单。是否丢弃？</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>继续编辑(&amp;K)</translation>
    </message>
</context>
<context>
    <name>KnowledgeActions</name>
    <message>
        <source>&amp;New article…</source>
        <translation>新建文章(&amp;N)…</translation>
    </message>
    <message>
        <source>From &amp;ticket…</source>
        <translation>从工单创建(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Re&amp;build index</source>
        <translation>重建索引(&amp;B)</translation>
    </message>
    <message>
        <source>Article from ticket</source>
        <translation>从工单创建文章</translation>
    </message>
    <message>
        <source>Number of the resolved ticket:</source>
        <translation>已解决工单的编号：</translation>
    </message>
    <message>
        <source>No ticket %1.</source>
        <translation>没有工单 %1。</translation>
    </message>
    <message>
        <source>Ticket %1 is not resolved yet.</source>
        <translation>工单 %1 尚未解决。</translation>
    </message>
    <message>
        <source>Article saved.</source>
        <translation>文章已保存。</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>导入文章</translation>
    </message>
    <message>
        <source>Markdown files (*.md *.markdown)</source>
        <translation>Markdown 文件 (*.md *.markdown)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Imported %1 article(s); %2 file(s) refused.</source>
        <translation>已导入 %1 篇文章；%2 个文件被拒绝。</translation>
    </message>
    <message>
        <source>These files were not imported:</source>
        <translation>以下文件未导入：</translation>
    </message>
    <message>
        <source>Export articles to</source>
        <translation>导出文章到</translation>
    </message>
    <message>
        <source>Exported %1 article(s) to %2.</source>
        <translation>已将 %1 篇文章导出到 %2。</translation>
    </message>
    <message>
        <source>Rebuilding the search index…</source>
        <translation>正在重建搜索索引…</translation>
    </message>
    <message>
        <source>Search index rebuilt: %1 article(s).</source>
        <translation>搜索索引已重建：%1 篇文章。</translation>
    </message>
    <message>
        <source>Working… %1 of %2</source>
        <translation>处理中… %1 / %2</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
</context>
<context>
    <name>KnowledgeBase</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
</context>
<context>
    <name>KnowledgePage</name>
    <message>
        <source>Knowledge base</source>
        <translation>知识库</translation>
    </message>
    <message>
        <source>Search articles: 网络, 磁盘, ORA-00600, CVE-2024-3094…</source>
        <translation>搜索文章：网络、磁盘、ORA-00600、CVE-2024-3094…</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Ticket title</source>
        <translation>工单标题</translation>
    </message>
    <message>
        <source>Type or paste what the requester says; matching articles appear alongside.</source>
        <translation>输入或粘贴报障人描述的问题，匹配的文章将显示在旁边。</translation>
    </message>
    <message>
        <source>Try a ticket text</source>
        <translation>试试工单内容</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message numerus="yes">
        <source>No article has all the words; %n closest match(es)</source>
        <translation>
            <numerusform>没有文章包含全部词语；显示 %n 个最接近的结果</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) found</source>
        <translation>
            <numerusform>找到 %n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <source>Most used articles</source>
        <translation>最常用的文章</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>全部标签</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已分派</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Pending requester</source>
        <translation>等待用户</translation>
    </message>
    <message>
        <source>Pending vendor</source>
        <translation>等待厂商</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Online chat</source>
        <translation>在线客服</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>Monitoring alert</source>
        <translation>监控告警</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>网页</translation>
    </message>
    <message>
        <source>Level 1</source>
        <translation>一级</translation>
    </message>
    <message>
        <source>Level 2</source>
        <translation>二级</translation>
    </message>
    <message>
        <source>Level 3</source>
        <translation>三级</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>Experienced engineer</source>
        <translation>资深工程师</translation>
    </message>
    <message>
        <source>Senior expert</source>
        <translation>高级专家</translation>
    </message>
    <message>
        <source>Phone call-back</source>
        <translation>电话回访</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>问卷调查</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Owner then</source>
        <translation>当时负责人</translation>
    </message>
    <message>
        <source>Followed by</source>
        <translation>跟进人</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Delivered / acknowledged</source>
        <translation>送达 / 确认</translation>
    </message>
    <message>
        <source>To resolution</source>
        <translation>距解决时限</translation>
    </message>
    <message>
        <source>Chosen when escalated: the most senior member of the group on duty by the rota, else the group&apos;s lead.</source>
        <translation>升级时按规则选定：该组按排班在岗的最资深成员，否则为该组负责人。</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>acknowledged by %1</source>
        <translation>已由 %1 确认</translation>
    </message>
    <message>
        <source>delivered to %1</source>
        <translation>已送达 %1</translation>
    </message>
</context>
<context>
    <name>LimitsDialog</name>
    <message>
        <source>Personal limits</source>
        <translation>个人限制</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Fewest hours</source>
        <translation>最少工时</translation>
    </message>
    <message>
        <source>Most hours</source>
        <translation>最多工时</translation>
    </message>
    <message>
        <source>Most days in a row</source>
        <translation>最多连续上班天数</translation>
    </message>
    <message>
        <source>Fewest days in a row</source>
        <translation>最少连续上班天数</translation>
    </message>
    <message>
        <source>Fewest days off in a row</source>
        <translation>最少连续休息天数</translation>
    </message>
    <message>
        <source>Most weekends</source>
        <translation>最多周末数</translation>
    </message>
    <message>
        <source>Most {shift}</source>
        <translation>最多{shift}次数</translation>
    </message>
    <message>
        <source>“—” keeps the desk&apos;s rule. Most of a shift type 0: the person may not work it. Runs at the start or end of the month may continue in the next one, so they are not held to a fewest.</source>
        <translation>“—”表示沿用全组规则。某班次最多为 0：此人不能上该班次。月初或月末的连续天数可能延续到相邻月份，因此不受最少天数限制。</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Link or merge</source>
        <translation>关联或合并</translation>
    </message>
    <message>
        <source>Related to</source>
        <translation>相关</translation>
    </message>
    <message>
        <source>Caused by</source>
        <translation>由其引起</translation>
    </message>
    <message>
        <source>Duplicate of (link only)</source>
        <translation>重复（仅关联）</translation>
    </message>
    <message>
        <source>Merge into it as a duplicate (closes this ticket)</source>
        <translation>作为重复单合并到该工单（关闭本工单）</translation>
    </message>
    <message>
        <source>Other ticket</source>
        <translation>另一张工单</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
</context>
<context>
    <name>MailTab</name>
    <message>
        <source>New ticket</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <source>Reply on a ticket</source>
        <translation>工单回复</translation>
    </message>
    <message>
        <source>Automatic (not answered)</source>
        <translation>自动邮件（不回复）</translation>
    </message>
    <message>
        <source>Over the sender&apos;s rate</source>
        <translation>超出发件人频率限制</translation>
    </message>
    <message>
        <source>Kept aside</source>
        <translation>已隔离</translation>
    </message>
    <message>
        <source>It could not be stored</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>No sender address could be read</source>
        <translation>无法识别发件人地址</translation>
    </message>
    <message>
        <source>The message is over the size limit</source>
        <translation>邮件超过大小限制</translation>
    </message>
    <message>
        <source>The sender sent more than the hourly limit</source>
        <translation>该发件人超过每小时邮件数量限制</translation>
    </message>
    <message>
        <source>Sent automatically (an auto-reply or a bounce): never answered</source>
        <translation>自动发送的邮件（自动回复或退信），不予回复</translation>
    </message>
    <message>
        <source>Why: %1 (%2)</source>
        <translation>原因：%1（%2）</translation>
    </message>
    <message>
        <source>All messages</source>
        <translation>全部邮件</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>What became of it</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Select a message to read it here.</source>
        <translation>选择一封邮件，在此查看内容。</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>%1 messages, %2 kept aside</source>
        <translation>共 %1 封邮件，%2 封已隔离</translation>
    </message>
</context>
<context>
    <name>MailboxesTab</name>
    <message>
        <source>&amp;Try the connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Save and start reading</source>
        <translation>保存并开始收信(&amp;S)</translation>
    </message>
    <message>
        <source>IMAPS (SSL/TLS)</source>
        <translation>IMAPS（SSL/TLS）</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>None (same machine only)</source>
        <translation>不加密（仅限本机）</translation>
    </message>
    <message>
        <source>Mail &amp;server:</source>
        <translation>邮件服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>Se&amp;curity:</source>
        <translation>加密方式(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>账号(&amp;A)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>This desk is connected to a sync server: the server&apos;s mail service reads the mailboxes for every desk (its settings are in mail.toml on the server).</source>
        <translation>本服务台已连接同步服务器：由服务器上的邮件服务为所有坐席收取邮箱（设置位于服务器的 mail.toml）。</translation>
    </message>
    <message>
        <source>Mail to this mailbox becomes tickets; the requester&apos;s answers join their tickets. The mail stays on the server, marked as read by the desk.</source>
        <translation>发到此邮箱的邮件将自动生成工单，报障人的回复会归入原工单。邮件保留在邮件服务器上，并标记为已由服务台读取。</translation>
    </message>
    <message>
        <source>Only administrators set up the desk&apos;s mailbox.</source>
        <translation>只有管理员可以设置服务台邮箱。</translation>
    </message>
    <message>
        <source>Give the mail server, the account and its password.</source>
        <translation>请填写邮件服务器、账号和密码。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected: %1 message(s) waiting to be read.</source>
        <translation>连接成功：有 %1 封邮件待读取。</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Saved; the desk reads this mailbox now.</source>
        <translation>已保存，服务台现在开始收取此邮箱。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Seatdesk</source>
        <translation>服务台坐席</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Seatdesk</source>
        <translation>关于服务台坐席(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Switch the desk to this language now? Ticket windows close; a new ticket being typed is kept and offered again by Ctrl+N.</source>
        <translation>现在就把服务台切换到该语言吗？工单窗口会关闭；正在填写的新工单会保留，按 Ctrl+N 时再次提供。</translation>
    </message>
    <message>
        <source>Switch &amp;now</source>
        <translation>立即切换(&amp;N)</translation>
    </message>
    <message>
        <source>At the next &amp;start</source>
        <translation>下次启动时(&amp;S)</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge requesters</source>
        <translation>合并报障人</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单数</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <source>Choose the requester to keep:</source>
        <translation>请选择要保留的报障人：</translation>
    </message>
    <message>
        <source>Choose the requester to keep.</source>
        <translation>请选择要保留的报障人。</translation>
    </message>
    <message>
        <source>%1 ticket(s) of %2 other requester(s) move to %3, who keeps their own details; the others are removed. The audit log records what they were.</source>
        <translation>其他 %2 位报障人的 %1 张工单将转到 %3 名下（其本人资料保持不变）；其他报障人将被删除，其原有资料会记录在审计日志中。</translation>
    </message>
</context>
<context>
    <name>MissedCauseDialog</name>
    <message>
        <source>Why was the target missed?</source>
        <translation>为何未达成时限？</translation>
    </message>
    <message>
        <source>What happened (required for “Other”)</source>
        <translation>发生了什么（选择“其他”时必填）</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>时限：</translation>
    </message>
    <message>
        <source>Cause:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>详情：</translation>
    </message>
    <message>
        <source>The cause goes on the ticket&apos;s timeline and into the reports.</source>
        <translation>原因将记入工单时间线并进入报表。</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>New account</source>
        <translation>新建账号</translation>
    </message>
    <message>
        <source>&amp;Staff member:</source>
        <translation>人员(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>Every active staff member has an account. Add the person under Staff, teams and skills first.</source>
        <translation>所有启用的人员都已有账号。请先在“人员、班组和技能”中添加此人。</translation>
    </message>
    <message>
        <source>Choose a staff member from the list.</source>
        <translation>请从列表中选择人员。</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Add to the timeline</source>
        <translation>添加处理记录</translation>
    </message>
    <message>
        <source>Internal comment</source>
        <translation>内部备注</translation>
    </message>
    <message>
        <source>Reply to the requester</source>
        <translation>回复报障人</translation>
    </message>
    <message>
        <source>Call note</source>
        <translation>通话记录</translation>
    </message>
    <message>
        <source>Work log</source>
        <translation>工作日志</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Time spent</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Write the text of the note first.</source>
        <translation>请先填写备注内容。</translation>
    </message>
</context>
<context>
    <name>NotificationCentre</name>
    <message>
        <source>Notifications</source>
        <translation>通知中心</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Snooze 15 minutes</source>
        <translation>稍后提醒（15 分钟）</translation>
    </message>
    <message>
        <source>All tickets</source>
        <translation>全部工单</translation>
    </message>
    <message>
        <source>Assigned to me</source>
        <translation>分配给我的</translation>
    </message>
    <message>
        <source>My team&apos;s</source>
        <translation>我所在团队的</translation>
    </message>
    <message>
        <source>&amp;Breaches only</source>
        <translation>仅超时(&amp;B)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>No official holiday data for %1 yet: business-hours targets count Monday to Friday there, without public holidays or make-up working days, and are marked as estimated. Enter the days with File &gt; Official holidays… once they are announced.</source>
        <translation>%1 年尚无法定节假日数据：该年的工作时间时限按周一至周五计算，不含法定节假日和调休上班日，并标记为估算。公布后请通过“文件 &gt; 法定节假日…”录入。</translation>
    </message>
    <message>
        <source>{number}  {target} {threshold} at {time}
{title}</source>
        <translation>{number}  {target}{threshold}（{time}）
{title}</translation>
    </message>
    <message numerus="yes">
        <source>%n unread notification(s)</source>
        <translation>
            <numerusform>%n 条未读通知</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverridesEditor</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>当日</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>休息日</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Reset the password of %1</source>
        <translation>重置 %1 的密码</translation>
    </message>
    <message>
        <source>Set the password of %1</source>
        <translation>设置 %1 的密码</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>账号：</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <source>%1 (retired)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <source>Search name, login, team, skill, phone…</source>
        <translation>搜索姓名、登录名、班组、技能、电话…</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Staff (%1)</source>
        <translation>人员（%1）</translation>
    </message>
    <message>
        <source>Teams (%1)</source>
        <translation>班组（%1）</translation>
    </message>
    <message>
        <source>Skills (%1)</source>
        <translation>技能（%1）</translation>
    </message>
    <message>
        <source>%1 people, %2 active, %3 deactivated</source>
        <translation>共 %1 人，启用 %2 人，停用 %3 人</translation>
    </message>
    <message>
        <source>Read-only: only administrators change staff, teams and skills.</source>
        <translation>只读：仅管理员可修改人员、班组和技能。</translation>
    </message>
    <message>
        <source>Only administrators change teams and skills</source>
        <translation>仅管理员可修改班组和技能</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>恢复启用(&amp;R)</translation>
    </message>
    <message>
        <source>Add a staff member (Ctrl+N)</source>
        <translation>添加人员（Ctrl+N）</translation>
    </message>
    <message>
        <source>Edit the selected person (Enter)</source>
        <translation>编辑所选人员（Enter）</translation>
    </message>
    <message>
        <source>Deactivate (Del) or reactivate the selected person; history keeps them either way</source>
        <translation>停用（Del）或恢复启用所选人员；两种情况下历史记录均会保留</translation>
    </message>
    <message>
        <source>Import staff from a CSV or XLSX file</source>
        <translation>从 CSV 或 XLSX 文件导入人员</translation>
    </message>
    <message>
        <source>Only administrators change staff</source>
        <translation>仅管理员可修改人员</translation>
    </message>
    <message>
        <source>Deactivate %1 (%2)? They keep their history and can be reactivated, but are offered no new tickets or shifts and cannot sign in.</source>
        <translation>停用 %1（%2）？其历史记录将保留，之后也可恢复启用；但停用后不会再被分派新工单或班次，也无法登录。</translation>
    </message>
    <message>
        <source>%1 open ticket(s) stay assigned to them until someone reassigns them.</source>
        <translation>其名下的 %1 张未结工单仍由其处理，直到有人重新分派。</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Add a team</source>
        <translation>添加班组</translation>
    </message>
    <message>
        <source>Rename the team</source>
        <translation>重命名班组</translation>
    </message>
    <message>
        <source>Add a skill</source>
        <translation>添加技能</translation>
    </message>
    <message>
        <source>Rename the skill</source>
        <translation>重命名技能</translation>
    </message>
</context>
<context>
    <name>PersonPanel</name>
    <message>
        <source>Next shift: {when} {shift}</source>
        <translation>下一班：{when} {shift}</translation>
    </message>
    <message>
        <source>No shift in the coming week</source>
        <translation>未来一周没有班次</translation>
    </message>
    <message>
        <source>{name}: {shift} starts at {when}</source>
        <translation>{name}：{shift}将于 {when} 开始</translation>
    </message>
</context>
<context>
    <name>PhoneDesk</name>
    <message>
        <source>C&amp;hats…</source>
        <translation>在线会话(&amp;H)…</translation>
    </message>
    <message>
        <source>☎ Call events need the server</source>
        <translation>☎ 来电事件需要服务器</translation>
    </message>
    <message>
        <source>Phone &amp;extension…</source>
        <translation>电话分机(&amp;E)…</translation>
    </message>
    <message>
        <source>☎ Calls: listening</source>
        <translation>☎ 来电：监听中</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新的在线咨询</translation>
    </message>
    <message>
        <source>%1 (%2) is waiting</source>
        <translation>%1（%2）正在等待</translation>
    </message>
    <message>
        <source>☎ Server unreachable: no call events</source>
        <translation>☎ 服务器不可达：收不到来电事件</translation>
    </message>
    <message>
        <source>Phone extension</source>
        <translation>电话分机</translation>
    </message>
    <message>
        <source>Call events need the server: connect the desk first (Sync &gt; Connect to a server).</source>
        <translation>来电事件需要服务器：请先连接服务器（同步 &gt; 连接服务器）。</translation>
    </message>
    <message>
        <source>Your extension (empty: none). Calls ringing there pop up on your desk:</source>
        <translation>您的分机（留空表示无）。该分机的来电会在您的工作台弹出：</translation>
    </message>
    <message>
        <source>Calls to extension %1 now pop up on this desk.</source>
        <translation>分机 %1 的来电现在会在本工作台弹出。</translation>
    </message>
    <message>
        <source>No extension: no calls pop up on this desk.</source>
        <translation>未设分机：本工作台不弹出来电。</translation>
    </message>
    <message>
        <source>Call from %1</source>
        <translation>%1 来电</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>Handling plan</source>
        <translation>处理方案</translation>
    </message>
    <message>
        <source>The approach in one line</source>
        <translation>一句话概述处理思路</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Planned by</source>
        <translation>计划完成时间</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>删除步骤</translation>
    </message>
    <message>
        <source>Saved within the hour after assessment, the plan meets the level-2 &quot;handling plan&quot; target. Each step is carried out on the ticket&apos;s timeline.</source>
        <translation>在评估后 1 小时内保存方案，即满足二级“处理方案”时限。每个步骤的执行都记入工单时间线。</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <source>SLA policies</source>
        <translation>SLA 策略</translation>
    </message>
    <message>
        <source>Each rule acts when its target reaches the moment: a share of the time used, the deadline, or minutes before or past it (counted in the target&apos;s calendar, so pauses move it too). Every moment also raises a notification on the desk.</source>
        <translation>目标到达设定时机时执行规则：已用时间的某一比例、到期时，或到期前后若干分钟（按目标的日历计时，挂起同样顺延）。每个时机也会在坐席端发出一条通知。</translation>
    </message>
    <message>
        <source>Days listed here win over the official holidays and make-up working days for business-hours targets; they apply to every ticket, whatever its version.</source>
        <translation>此处列出的日期优先于官方节假日和调休安排，作用于按工作时间计时的目标；对所有工单生效，与策略版本无关。</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>时限目标</translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation>升级规则</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历调整</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本历史</translation>
    </message>
    <message>
        <source>At risk when this share of the time is used:</source>
        <translation>时间用去此比例时标记为临近超时：</translation>
    </message>
    <message>
        <source>For each target the most specific matching row wins. Warnings raise a notification at each share of the time used.</source>
        <translation>每个目标取匹配条件最具体的一行。预警在时间用去各个比例时各发出一条通知。</translation>
    </message>
    <message>
        <source>Saving creates version %1, valid from now: tickets logged from then on follow it, tickets already logged keep their version.</source>
        <translation>保存将生成第 %1 版，自此刻起生效：此后登记的工单按新版本计时，已登记的工单保持原版本。</translation>
    </message>
    <message>
        <source>Only an administrator&apos;s account can change SLA policies on a desk signed in to a server. The page is read-only.</source>
        <translation>已登录服务器的坐席只有管理员账号可以修改 SLA 策略。本页为只读。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source>Built in, tickets before %1</source>
        <translation>内置，%1 之前的工单</translation>
    </message>
    <message>
        <source>Built in, from %1</source>
        <translation>内置，自 %1 起</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <source>Give the ticket a title.</source>
        <translation>请填写工单标题。</translation>
    </message>
    <message>
        <source>The title is too long (at most %1 characters).</source>
        <translation>标题过长（最多 %1 个字符）。</translation>
    </message>
    <message>
        <source>The text is too long (at most %1 characters).</source>
        <translation>文本过长（最多 %1 个字符）。</translation>
    </message>
    <message>
        <source>Choose the requester, or create a new one.</source>
        <translation>请选择报障人，或新建报障人。</translation>
    </message>
    <message>
        <source>The requester needs a name.</source>
        <translation>请填写报障人姓名。</translation>
    </message>
    <message>
        <source>This is not a valid phone number (e.g. 13800138000 or 010-66668888).</source>
        <translation>电话号码格式无效（例如 13800138000 或 010-66668888）。</translation>
    </message>
    <message>
        <source>This is not a valid e-mail address.</source>
        <translation>电子邮箱地址无效。</translation>
    </message>
    <message>
        <source>Give a phone number or an e-mail address for the requester.</source>
        <translation>请填写报障人的电话号码或电子邮箱。</translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation>请选择分类。</translation>
    </message>
    <message>
        <source>Choose a ticket type.</source>
        <translation>请选择工单类型。</translation>
    </message>
    <message>
        <source>Overriding the computed level needs a reason.</source>
        <translation>手动调整系统计算的级别时须填写原因。</translation>
    </message>
    <message>
        <source>This step is not possible in the ticket&apos;s current state.</source>
        <translation>工单当前状态下无法执行此操作。</translation>
    </message>
    <message>
        <source>The ticket needs an assignee first.</source>
        <translation>请先为工单指定处理人。</translation>
    </message>
    <message>
        <source>Please give a reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <source>Describe the solution before resolving.</source>
        <translation>请先填写解决方案，再标记为已解决。</translation>
    </message>
    <message>
        <source>Satisfaction is scored from 1 to 5.</source>
        <translation>满意度评分范围为 1 至 5 分。</translation>
    </message>
    <message>
        <source>The ticket no longer exists.</source>
        <translation>该工单已不存在。</translation>
    </message>
    <message>
        <source>Someone changed this ticket in the meantime. It has been reloaded; please check it and try again.</source>
        <translation>该工单已被他人修改，现已重新加载，请核对后重试。</translation>
    </message>
    <message>
        <source>The requester has not confirmed yet and the confirmation timeout has not passed.</source>
        <translation>报障人尚未确认，且尚未超过确认时限。</translation>
    </message>
    <message>
        <source>A ticket cannot be linked to itself.</source>
        <translation>工单不能关联到自身。</translation>
    </message>
    <message>
        <source>A password needs at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>This login is already taken.</source>
        <translation>此登录名已被占用。</translation>
    </message>
    <message>
        <source>Wrong login or password, or the account is disabled.</source>
        <translation>登录名或密码错误，或账号已被禁用。</translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <source>No active staff member has this login.</source>
        <translation>没有使用此登录名的启用人员。</translation>
    </message>
    <message>
        <source>There is no account with this login.</source>
        <translation>不存在使用此登录名的账号。</translation>
    </message>
    <message>
        <source>Give a name.</source>
        <translation>请填写名称。</translation>
    </message>
    <message>
        <source>A login is letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos; or &apos;@&apos;, without spaces, at most %1 characters.</source>
        <translation>登录名只能包含字母、数字、“.”、“_”、“-”或“@”，不能有空格，最多 %1 个字符。</translation>
    </message>
    <message>
        <source>A code starts with a letter and has only lower-case letters, digits and &apos;_&apos;, at most %1 characters.</source>
        <translation>代码须以字母开头，只能包含小写字母、数字和“_”，最多 %1 个字符。</translation>
    </message>
    <message>
        <source>This code is already taken (perhaps by a retired entry).</source>
        <translation>此代码已被占用（可能被某个已停用的条目占用）。</translation>
    </message>
    <message>
        <source>Choose a colour (#rrggbb).</source>
        <translation>请选择颜色（#rrggbb）。</translation>
    </message>
    <message>
        <source>An icon is one to %1 characters without spaces, e.g. ! or SD or 网.</source>
        <translation>图标为 1 至 %1 个字符，不能有空格，例如“!”“SD”或“网”。</translation>
    </message>
    <message>
        <source>Choose the skill this category asks for.</source>
        <translation>请选择此分类所需的技能。</translation>
    </message>
    <message>
        <source>Name the person responsible for this category: an active staff member.</source>
        <translation>请为此分类指定负责人：须为启用状态的人员。</translation>
    </message>
    <message>
        <source>Still used by %1 ticket(s) or article(s): retire it instead, so they keep its name.</source>
        <translation>仍有 %1 项工单或文章在使用：请改为停用，以便保留其名称。</translation>
    </message>
    <message>
        <source>Choose the requester to keep and at least one other to merge into it.</source>
        <translation>请选择要保留的报障人，以及至少一位要合并到其名下的其他报障人。</translation>
    </message>
    <message>
        <source>Choose a team that is in service.</source>
        <translation>请选择使用中的班组。</translation>
    </message>
    <message>
        <source>The skill %1 does not exist or is retired.</source>
        <translation>技能 %1 不存在或已停用。</translation>
    </message>
    <message>
        <source>Choose a seniority: engineer, experienced or senior expert.</source>
        <translation>请选择资历：工程师、资深工程师或高级专家。</translation>
    </message>
    <message>
        <source>It is no longer there: someone removed it in the meantime.</source>
        <translation>该记录已不存在：有人在此期间将其删除了。</translation>
    </message>
    <message>
        <source>You cannot deactivate your own seat; another administrator can.</source>
        <translation>您不能停用自己的坐席，可由其他管理员停用。</translation>
    </message>
    <message>
        <source>A login never changes: accounts and sign-in find the person by it.</source>
        <translation>登录名一经设定便不可更改：账号和登录均通过它识别此人。</translation>
    </message>
    <message>
        <source>Nothing was imported: %1 rows have problems. Correct the file and open it again.</source>
        <translation>未导入任何数据：有 %1 行存在问题。请修正文件后重新打开。</translation>
    </message>
    <message>
        <source>Nothing was imported: staff or accounts changed since the preview. Open the file again.</source>
        <translation>未导入任何数据：预览之后人员或账号已发生变化。请重新打开文件。</translation>
    </message>
    <message>
        <source>This is the last active account that may manage accounts: give another account that role first, or nobody could manage accounts any more.</source>
        <translation>这是最后一个可管理账号的启用账号：请先将该角色授予其他账号，否则将无人能够管理账号。</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same password twice.</source>
        <translation>两次输入的密码不一致：请输入相同的密码。</translation>
    </message>
    <message>
        <source>Choose a time zone from the list, e.g. Asia/Shanghai.</source>
        <translation>请从列表中选择时区，例如 Asia/Shanghai。</translation>
    </message>
    <message>
        <source>This value cannot be used for this setting.</source>
        <translation>此值不能用于该设置项。</translation>
    </message>
    <message>
        <source>Give a number from %1.</source>
        <translation>请输入 %1 范围内的数字。</translation>
    </message>
    <message>
        <source>The grading weights must not be negative nor all zero, and the thresholds must satisfy 1 ≤ level 2 ≤ level 1 ≤ 3.</source>
        <translation>定级权重不能为负数，也不能全部为零；分数下限须满足 1 ≤ 二级 ≤ 一级 ≤ 3。</translation>
    </message>
    <message>
        <source>A level-2 result is confirmed only after the technical lead has verified it: ask a technical lead to verify the resolution first.</source>
        <translation>二级请求的处理结果须经技术负责人验证后才能请求确认：请先请技术负责人验证处理结果。</translation>
    </message>
    <message>
        <source>A plan needs at least one step.</source>
        <translation>方案至少需要一个步骤。</translation>
    </message>
    <message>
        <source>Step %1 has no text: say what is to be done.</source>
        <translation>第 %1 步没有内容：请写明要做什么。</translation>
    </message>
    <message>
        <source>This step is for level-%1 tickets only.</source>
        <translation>此环节仅适用于 %1 级工单。</translation>
    </message>
    <message>
        <source>Only a resolved ticket can be verified or reviewed.</source>
        <translation>只有已解决的工单才能验证或审核。</translation>
    </message>
    <message>
        <source>A level-1 emergency is led by a senior expert: choose one.</source>
        <translation>一级应急须由资深专家牵头：请选择一位资深专家。</translation>
    </message>
    <message>
        <source>Give the planned time in minutes, from %1.</source>
        <translation>请填写计划用时（分钟），范围 %1。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>ProcessPanel</name>
    <message>
        <source>Handling process</source>
        <translation>处理流程</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Emergency…</source>
        <translation>应急…</translation>
    </message>
    <message>
        <source>Handling plan…</source>
        <translation>处理方案…</translation>
    </message>
    <message>
        <source>Step done</source>
        <translation>步骤完成</translation>
    </message>
    <message>
        <source>Verify…</source>
        <translation>验证…</translation>
    </message>
    <message>
        <source>Analysis…</source>
        <translation>分析…</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>审核…</translation>
    </message>
    <message>
        <source>Level 1: declare the emergency and choose its plan (Ctrl+Shift+E).</source>
        <translation>一级：请启动应急响应并选择应急预案（Ctrl+Shift+E）。</translation>
    </message>
    <message>
        <source>Level 2: a handling plan is due within the hour (Ctrl+Shift+P).</source>
        <translation>二级：须在 1 小时内制定处理方案（Ctrl+Shift+P）。</translation>
    </message>
    <message>
        <source>Verified by %1 on %2</source>
        <translation>%1 于 %2 验证通过</translation>
    </message>
    <message>
        <source>Not verified by %1 on %2: %3</source>
        <translation>%1 于 %2 验证未通过：%3</translation>
    </message>
    <message>
        <source>Waiting for the technical lead&apos;s verification before the requester confirms.</source>
        <translation>等待技术负责人验证后，方可请求请求人确认。</translation>
    </message>
    <message>
        <source>Analysis by %1: %2 (planned: %3 min)</source>
        <translation>%1 的分析：%2（计划用时 %3 分钟）</translation>
    </message>
    <message>
        <source>No analysis recorded yet (Ctrl+Shift+A).</source>
        <translation>尚未记录分析（Ctrl+Shift+A）。</translation>
    </message>
    <message>
        <source>Reviewed by %1 on %2</source>
        <translation>%1 于 %2 审核通过</translation>
    </message>
    <message>
        <source>Sent back by %1 on %2: %3</source>
        <translation>%1 于 %2 审核退回：%3</translation>
    </message>
    <message>
        <source>Emergency: %1, led by %2 (%3/%4 steps done)</source>
        <translation>应急：%1，由 %2 牵头（已完成 %3/%4 步）</translation>
    </message>
    <message>
        <source>Plan by %1 on %2 (%3/%4 steps done): %5</source>
        <translation>%1 于 %2 制定的方案（已完成 %3/%4 步）：%5</translation>
    </message>
    <message>
        <source>Verify the resolution</source>
        <translation>验证处理结果</translation>
    </message>
    <message>
        <source>Check the result before the requester is asked to confirm. Not verified, the ticket goes back to work with your reason.</source>
        <translation>在请求人确认前核验处理结果。未通过验证时，工单连同原因退回处理。</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>验证通过</translation>
    </message>
    <message>
        <source>Not verified…</source>
        <translation>验证不通过…</translation>
    </message>
    <message>
        <source>Review the result</source>
        <translation>审核处理结果</translation>
    </message>
    <message>
        <source>Approve the level-3 result, or send it back with your findings: the ticket reopens and the findings go to its timeline and to the reports.</source>
        <translation>审核通过该三级请求的处理结果，或附审核意见退回：工单将重新打开，审核意见记入工单时间线和报表。</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Send back…</source>
        <translation>退回…</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;File name:</source>
        <translation>文件名(&amp;F)：</translation>
    </message>
</context>
<context>
    <name>QueueBulk</name>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Internal comment for every selected ticket:</source>
        <translation>为每张选中的工单添加内部备注：</translation>
    </message>
    <message>
        <source>Bulk action</source>
        <translation>批量操作</translation>
    </message>
    <message>
        <source>%1 ticket(s) changed, %2 refused:</source>
        <translation>已处理 %1 张工单，%2 张未处理：</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>报障人</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Time to breach</source>
        <translation>SLA 剩余时间</translation>
    </message>
</context>
<context>
    <name>QueuesPage</name>
    <message>
        <source>Queues</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>My open tickets</source>
        <translation>我的未结工单</translation>
    </message>
    <message>
        <source>My team&apos;s</source>
        <translation>本组工单</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分派</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Awaiting confirmation</source>
        <translation>已解决，待确认</translation>
    </message>
    <message>
        <source>SLA at risk</source>
        <translation>SLA 临近超时</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA 已超时</translation>
    </message>
    <message>
        <source>All tickets</source>
        <translation>全部工单</translation>
    </message>
    <message>
        <source>Search: ticket number, requester, phone, words in title or description</source>
        <translation>搜索：工单号、报障人、电话、标题或描述中的关键词</translation>
    </message>
    <message>
        <source>Save as filter…</source>
        <translation>保存为筛选…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Open ticket</source>
        <translation>打开工单</translation>
    </message>
    <message>
        <source>Take ticket</source>
        <translation>领取工单</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>解决…</translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation>保存筛选</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Delete saved filter</source>
        <translation>删除已保存的筛选</translation>
    </message>
    <message>
        <source>Take</source>
        <translation>领取</translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation>分派给…</translation>
    </message>
    <message>
        <source>Start work</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <source>Add internal comment…</source>
        <translation>添加内部备注…</translation>
    </message>
    <message>
        <source>Close without confirmation</source>
        <translation>未经确认直接关闭</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>共 %n 张工单</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuietHoursDialog</name>
    <message>
        <source>N&amp;otification settings…</source>
        <translation>通知设置(&amp;O)…</translation>
    </message>
    <message>
        <source>Notification settings</source>
        <translation>通知设置</translation>
    </message>
    <message>
        <source>Play a sound with SLA messages</source>
        <translation>SLA 提醒时播放提示音</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>免打扰时段</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>During quiet hours SLA messages and sounds wait in the notification centre. Breaches of level-1 tickets are always shown and heard.</source>
        <translation>免打扰时段内，SLA 提醒和提示音暂存在通知中心；一级工单超时始终弹出提醒并发声。</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Monthly service report…</source>
        <translation>月度服务报表…</translation>
    </message>
    <message>
        <source>Click to list the tickets behind this figure</source>
        <translation>点击列出此数字对应的工单</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计周期</translation>
    </message>
    <message>
        <source>Any level</source>
        <translation>任意级别</translation>
    </message>
    <message>
        <source>Any channel</source>
        <translation>任意渠道</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>任意类型</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>任意分类</translation>
    </message>
    <message>
        <source>Any team</source>
        <translation>任意班组</translation>
    </message>
    <message>
        <source>Any seat</source>
        <translation>任意坐席</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Monthly report…</source>
        <translation>月度报表…</translation>
    </message>
    <message>
        <source>By channel</source>
        <translation>按渠道</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按分类</translation>
    </message>
    <message>
        <source>By level</source>
        <translation>按级别</translation>
    </message>
    <message>
        <source>By team</source>
        <translation>按班组</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>时限目标</translation>
    </message>
    <message>
        <source>Response times</source>
        <translation>响应时间</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Missed-target causes</source>
        <translation>超时原因</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>The figures could not be computed: %1</source>
        <translation>无法计算统计数字：%1</translation>
    </message>
    <message>
        <source>%1 to %2: %3 tickets</source>
        <translation>%1 至 %2：%3 个工单</translation>
    </message>
    <message>
        <source>%n target(s) counted through a year whose official holidays are not entered: their figures are estimated</source>
        <translation>%n 个时限跨越了尚未录入法定节假日的年份：其数字为估算</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>计时中</translation>
    </message>
    <message>
        <source>Share met</source>
        <translation>达标率</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>First response: distribution of the actual times</source>
        <translation>首次响应：实际用时分布</translation>
    </message>
    <message>
        <source>First response by weekday and hour: tickets, colour = share missed</source>
        <translation>按星期和小时统计的首次响应：工单数，颜色 = 未达标比例</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>领取</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Sent back</source>
        <translation>被退回</translation>
    </message>
    <message>
        <source>First response met</source>
        <translation>首次响应达标</translation>
    </message>
    <message>
        <source>First response p90</source>
        <translation>首次响应 p90</translation>
    </message>
    <message>
        <source>Resolution met</source>
        <translation>解决达标</translation>
    </message>
    <message>
        <source>Resolution p90</source>
        <translation>解决 p90</translation>
    </message>
    <message>
        <source>Duty hours</source>
        <translation>在岗时长</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>工单量</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>已评价</translation>
    </message>
    <message>
        <source>Satisfaction scores</source>
        <translation>满意度评分</translation>
    </message>
    <message>
        <source>Closed unconfirmed</source>
        <translation>未确认即关闭</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Write the monthly report into</source>
        <translation>将月度报表写入</translation>
    </message>
    <message>
        <source>Writing the monthly report of %1…</source>
        <translation>正在生成 %1 的月度报告…</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已写入：%1</translation>
    </message>
    <message>
        <source>The monthly report was not written: %1</source>
        <translation>月度报告未能生成：%1</translation>
    </message>
    <message>
        <source>Monthly service report</source>
        <translation>月度服务报表</translation>
    </message>
    <message>
        <source>Service desk</source>
        <translation>服务台</translation>
    </message>
    <message>
        <source>Tickets in the period: %1</source>
        <translation>本期工单数：%1</translation>
    </message>
    <message>
        <source>Made %1 by Seatdesk</source>
        <translation>由 Seatdesk 于 %1 生成</translation>
    </message>
    <message>
        <source>Targets met and missed</source>
        <translation>时限目标达标与未达标情况</translation>
    </message>
    <message>
        <source>%1: distribution of the actual times</source>
        <translation>%1：实际用时分布</translation>
    </message>
    <message>
        <source>Trend against the previous period</source>
        <translation>与上一周期对比的趋势</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>上期</translation>
    </message>
    <message>
        <source>Change (points)</source>
        <translation>变化（百分点）</translation>
    </message>
    <message>
        <source>Response-time analysis</source>
        <translation>响应时间分析</translation>
    </message>
    <message>
        <source>Seats and teams</source>
        <translation>坐席与班组</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>Channels and satisfaction</source>
        <translation>渠道与满意度</translation>
    </message>
    <message>
        <source>By how it was collected</source>
        <translation>按收集方式</translation>
    </message>
    <message>
        <source>Closed: %1, of them closed unconfirmed: %2, mean score: %3</source>
        <translation>已关闭：%1，其中未确认即关闭：%2，平均分：%3</translation>
    </message>
    <message>
        <source>Comments by reason</source>
        <translation>评价意见按原因分类</translation>
    </message>
    <message>
        <source>Phone calls</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Answered calls by rings</source>
        <translation>已接来电的响铃声数分布</translation>
    </message>
    <message>
        <source>Call back after a missed call: met %1, missed %2, overdue %3, running %4</source>
        <translation>未接来电回电：达标 %1，未达标 %2，已超时 %3，计时中 %4</translation>
    </message>
    <message>
        <source>Level-3 reviews</source>
        <translation>三级结果审核</translation>
    </message>
    <message>
        <source>Reviewed: %1, approved: %2, sent back with findings: %3</source>
        <translation>已审核：%1，通过：%2，附意见退回：%3</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>Update cadence</source>
        <translation>更新频率</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation>领取</translation>
    </message>
    <message>
        <source>Handling plan</source>
        <translation>处理方案</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Consultation answered</source>
        <translation>咨询答复</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>结果回访</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>在线聊天</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>现场来访</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>监控</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>网页</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>电话回访</translation>
    </message>
    <message>
        <source>Phone answered</source>
        <translation>电话接听</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>问卷</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Handled quickly</source>
        <translation>处理及时</translation>
    </message>
    <message>
        <source>Knew what to do</source>
        <translation>专业可靠</translation>
    </message>
    <message>
        <source>Kind and clear</source>
        <translation>服务态度好</translation>
    </message>
    <message>
        <source>Too slow</source>
        <translation>处理太慢</translation>
    </message>
    <message>
        <source>Unclear communication</source>
        <translation>沟通不清楚</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Reason in the comment</source>
        <translation>评价原因</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单数</translation>
    </message>
    <message>
        <source>Share of the commented</source>
        <translation>占有评价意见的比例</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>来电数</translation>
    </message>
    <message>
        <source>Within %1 rings</source>
        <translation>%1 声内接听</translation>
    </message>
    <message>
        <source>Share within</source>
        <translation>达标率</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>超时接听</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>未接听</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>来电方挂断</translation>
    </message>
    <message>
        <source>Logged as tickets</source>
        <translation>已登记工单</translation>
    </message>
    <message>
        <source>≤%1 rings</source>
        <translation>≤%1 声</translation>
    </message>
    <message>
        <source>&gt;%1 rings</source>
        <translation>&gt;%1 声</translation>
    </message>
    <message>
        <source>Answer p50</source>
        <translation>接听用时 p50</translation>
    </message>
    <message>
        <source>Answer p90</source>
        <translation>接听用时 p90</translation>
    </message>
    <message>
        <source>%1 tickets</source>
        <translation>%1 个工单</translation>
    </message>
    <message>
        <source>(the first %1 shown)</source>
        <translation>（仅显示前 %1 个）</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>All calls</source>
        <translation>全部来电</translation>
    </message>
    <message>
        <source>(no seat)</source>
        <translation>（无坐席）</translation>
    </message>
</context>
<context>
    <name>RequesterDialog</name>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>电子邮箱(&amp;E)</translation>
    </message>
</context>
<context>
    <name>RequesterModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单数</translation>
    </message>
</context>
<context>
    <name>RequestersTab</name>
    <message>
        <source>Search name, unit, phone, e-mail…</source>
        <translation>搜索姓名、单位、电话、电子邮箱…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>合并(&amp;M)…</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Likely duplicates</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <source>%1 requesters</source>
        <translation>共 %1 位报障人</translation>
    </message>
    <message>
        <source>The first %1 of %2 requesters: search to narrow them down</source>
        <translation>仅显示前 %1 位（共 %2 位报障人）：请通过搜索缩小范围</translation>
    </message>
    <message>
        <source>Only supervisors and administrators merge requesters and rename units.</source>
        <translation>仅值班长和管理员可合并报障人和重命名单位。</translation>
    </message>
    <message>
        <source>Only supervisors and administrators merge requesters and rename units</source>
        <translation>仅值班长和管理员可合并报障人和重命名单位</translation>
    </message>
    <message>
        <source>Edit the selected requester (Enter)</source>
        <translation>编辑所选报障人（Enter）</translation>
    </message>
    <message>
        <source>Merge the selected requesters into one of them (Ctrl+M); select two or more with Ctrl or Shift</source>
        <translation>将所选报障人合并为其中一位（Ctrl+M）；按住 Ctrl 或 Shift 可选择两位或以上</translation>
    </message>
    <message>
        <source>Rename the selected unit on all its requesters</source>
        <translation>重命名所选单位（该单位的所有报障人同步更新）</translation>
    </message>
    <message>
        <source>Merge the selected group into the requester you choose</source>
        <translation>将所选组中的报障人合并到您指定的一位</translation>
    </message>
    <message>
        <source>Your role does not work tickets</source>
        <translation>您的角色不处理工单</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Resolve ticket</source>
        <translation>解决工单</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ReviewsPage</name>
    <message>
        <source>Reviews</source>
        <translation>结果审核</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解决时间</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <source>Open ticket</source>
        <translation>打开工单</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>审核…</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>审核意见</translation>
    </message>
    <message numerus="yes">
        <source>%n level-3 result(s) resolved in the last 30 days wait for review</source>
        <translation>
            <numerusform>近 30 天内解决的 %n 个三级请求结果待审核</numerusform>
        </translation>
    </message>
    <message>
        <source>More than %1 level-3 results resolved in the last 30 days wait for review</source>
        <translation>近 30 天内解决的三级请求结果中，超过 %1 个待审核</translation>
    </message>
    <message>
        <source>every result is reviewed</source>
        <translation>全部结果均需审核</translation>
    </message>
    <message>
        <source>a sample of %1 % is reviewed</source>
        <translation>按 %1% 抽样审核</translation>
    </message>
    <message>
        <source>Last 30 days: %1 reviewed, %2 approved, %3 sent back with findings</source>
        <translation>近 30 天：审核 %1 个，通过 %2 个，退回 %3 个（附审核意见）</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Change the role of %1</source>
        <translation>更改 %1 的角色</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>账号：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>The role decides what the person may do from their next sign-in on.</source>
        <translation>角色决定此人可执行的操作，自其下次登录起生效。</translation>
    </message>
</context>
<context>
    <name>RotaEditors</name>
    <message>
        <source>Workday</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Weekend</source>
        <translation>周末</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>休假</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>不可排班</translation>
    </message>
    <message>
        <source>{where}: numbers cannot be negative.</source>
        <translation>{where}：数字不能为负。</translation>
    </message>
    <message>
        <source>{where}: {seniors} seniors asked for, but only {headcount} people.</source>
        <translation>{where}：要求 {seniors} 名资深人员，但总人数只有 {headcount}。</translation>
    </message>
    <message>
        <source>{where}: skills are required but nobody is (headcount 0).</source>
        <translation>{where}：要求了技能，但人数为 0。</translation>
    </message>
    <message>
        <source>{where}: no staff member has the skill {skill}.</source>
        <translation>{where}：没有员工具备技能 {skill}。</translation>
    </message>
    <message>
        <source>{where}: there is no such shift type.</source>
        <translation>{where}：没有这个班次类型。</translation>
    </message>
    <message>
        <source>{where}: entered twice.</source>
        <translation>{where}：重复填写。</translation>
    </message>
    <message>
        <source>{where}: {headcount} people needed, the desk has {staff}.</source>
        <translation>{where}：需要 {headcount} 人，服务台只有 {staff} 人。</translation>
    </message>
    <message>
        <source>{where}: {seniors} seniors needed, the desk has {available}.</source>
        <translation>{where}：需要 {seniors} 名资深人员，服务台只有 {available} 名。</translation>
    </message>
    <message>
        <source>The last day is before the first day.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>{days} days is too long for one entry (at most {max}).</source>
        <translation>一次登记 {days} 天过长（最多 {max} 天）。</translation>
    </message>
    <message>
        <source>Overlaps the absence from {first} to {last}.</source>
        <translation>与 {first} 至 {last} 的缺勤重叠。</translation>
    </message>
    <message>
        <source>Absent on {day} already.</source>
        <translation>{day} 已登记缺勤。</translation>
    </message>
    <message>
        <source>A wish for {day} is there already.</source>
        <translation>{day} 已有排班意愿。</translation>
    </message>
    <message>
        <source>Only a supervisor may do that; seats enter their own unavailability and wishes.</source>
        <translation>只有值班长可以这样做；坐席只能登记本人的不可排班日期和意愿。</translation>
    </message>
    <message>
        <source>{where}: both names are needed.</source>
        <translation>{where}：中英文名称都必须填写。</translation>
    </message>
    <message>
        <source>“{code}” is not a code: use one letter A–Z.</source>
        <translation>“{code}”不是有效代码：请使用一个字母 A–Z。</translation>
    </message>
    <message>
        <source>The code {code} is used twice.</source>
        <translation>代码 {code} 重复使用。</translation>
    </message>
    <message>
        <source>{where}: the length must be more than 0 and at most 24 h.</source>
        <translation>{where}：时长必须大于 0 且不超过 24 小时。</translation>
    </message>
    <message>
        <source>{where}: the colour must look like #a1b2c3.</source>
        <translation>{where}：颜色格式应为 #a1b2c3。</translation>
    </message>
    <message>
        <source>{code} is used by the rota or its overrides and cannot be removed.</source>
        <translation>{code} 已被排班或顶班记录使用，不能删除。</translation>
    </message>
    <message>
        <source>The rota needs at least one shift type.</source>
        <translation>排班至少需要一个班次类型。</translation>
    </message>
    <message>
        <source>{name}: at least {min} h but at most {max} h.</source>
        <translation>{name}：至少 {min} 小时，但最多 {max} 小时。</translation>
    </message>
    <message>
        <source>{name}: {min} h do not fit in {days} days.</source>
        <translation>{name}：{days} 天内排不下 {min} 小时。</translation>
    </message>
    <message>
        <source>{name}: at least {min} days in a row but at most {max}.</source>
        <translation>{name}：至少连续 {min} 天，但最多 {max} 天。</translation>
    </message>
</context>
<context>
    <name>RotaGridModel</name>
    <message>
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message>
        <source>leave</source>
        <translation>休假</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>不可排班</translation>
    </message>
    <message>
        <source>{kind}: {reason}</source>
        <translation>{kind}：{reason}</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>{have} of {need}</source>
        <translation>已排 {have} / 需 {need}</translation>
    </message>
</context>
<context>
    <name>RotaPage</name>
    <message>
        <source>Shift reminder</source>
        <translation>班次提醒</translation>
    </message>
    <message>
        <source>Rota</source>
        <translation>排班</translation>
    </message>
    <message>
        <source>Desk rota {month}</source>
        <translation>服务台排班表 {month}</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Move shifts</source>
        <translation>移动班次</translation>
    </message>
    <message>
        <source>Clear cells</source>
        <translation>清空单元格</translation>
    </message>
    <message>
        <source>Set shift</source>
        <translation>设置班次</translation>
    </message>
    <message>
        <source>Auto-plan</source>
        <translation>自动排班</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Cover…</source>
        <translation>顶班…</translation>
    </message>
    <message>
        <source>Rules…</source>
        <translation>规则…</translation>
    </message>
    <message>
        <source>Coverage…</source>
        <translation>人员配置…</translation>
    </message>
    <message>
        <source>Leave and wishes…</source>
        <translation>休假与意愿…</translation>
    </message>
    <message>
        <source>Shift types…</source>
        <translation>班次类型…</translation>
    </message>
    <message>
        <source>Someone else works the selected published shift (an override, kept as history)</source>
        <translation>由他人顶替所选已发布班次（调整记录会保留）</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Checks and people</source>
        <translation>检查与人员</translation>
    </message>
    <message>
        <source>Show or hide the side panel (in a narrow window it gives its room to the days)</source>
        <translation>显示或隐藏侧栏（窗口较窄时，它把位置让给日期列）</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>iCalendar (team and each person)…</source>
        <translation>iCalendar（团队及个人）…</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Excel (XLSX)…</source>
        <translation>Excel（XLSX）…</translation>
    </message>
    <message>
        <source>PDF, A4 landscape…</source>
        <translation>PDF，A4 横向…</translation>
    </message>
    <message>
        <source>PDF, A3 landscape…</source>
        <translation>PDF，A3 横向…</translation>
    </message>
    <message>
        <source>{year}-{month:02d}</source>
        <translation>{year}年{month:02d}月</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>The holiday calendar has no data for {years}: public holidays and make-up working days are not known, so auto-planning is off.</source>
        <translation>节假日日历缺少 {years} 年的数据：法定节假日与调休上班日未知，已停用自动排班。</translation>
    </message>
    <message>
        <source>An administrator enters them once with File &gt; Official holidays….</source>
        <translation>管理员可通过“文件 &gt; 法定节假日…”一次性录入。</translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>正在排班…</translation>
    </message>
    <message>
        <source>Best so far: score {score:g}, bound {bound:g}, gap {gap:.0%}</source>
        <translation>当前最优：得分 {score:g}，下界 {bound:g}，差距 {gap:.0%}</translation>
    </message>
    <message>
        <source>optimal</source>
        <translation>最优</translation>
    </message>
    <message>
        <source>best found</source>
        <translation>已找到的最优</translation>
    </message>
    <message>
        <source>Plan {status}: score {score:g}, bound {bound:g}, gap {gap:.0%}</source>
        <translation>排班方案（{status}）：得分 {score:g}，下界 {bound:g}，差距 {gap:.0%}</translation>
    </message>
    <message>
        <source>No plan satisfies the hard rules</source>
        <translation>没有满足全部硬性规则的排班方案</translation>
    </message>
    <message>
        <source>These rules and days conflict:</source>
        <translation>以下规则与日期相互冲突：</translation>
    </message>
    <message>
        <source>Stopped before a plan was found</source>
        <translation>在找到方案之前已停止</translation>
    </message>
    <message>
        <source>Export iCalendar</source>
        <translation>导出 iCalendar</translation>
    </message>
    <message>
        <source>Costs…</source>
        <translation>代价…</translation>
    </message>
    <message>
        <source>What each soft rule costs in this plan, per person</source>
        <translation>本排班中每条软规则按人员计的代价</translation>
    </message>
    <message>
        <source>Personal limits…</source>
        <translation>个人限制…</translation>
    </message>
    <message>
        <source>Dated cover…</source>
        <translation>按日期的人员需求…</translation>
    </message>
    <message>
        <source>Successions…</source>
        <translation>班次衔接…</translation>
    </message>
</context>
<context>
    <name>RotaRules</name>
    <message>
        <source>One shift a day</source>
        <translation>每日至多一班</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>人员覆盖</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>休假</translation>
    </message>
    <message>
        <source>Minimum rest</source>
        <translation>最短休息</translation>
    </message>
    <message>
        <source>Days in a row</source>
        <translation>连续上班天数</translation>
    </message>
    <message>
        <source>Hours a week</source>
        <translation>每周工时</translation>
    </message>
    <message>
        <source>Hours a month</source>
        <translation>每月工时</translation>
    </message>
    <message>
        <source>Fair nights</source>
        <translation>夜班均衡</translation>
    </message>
    <message>
        <source>Fair weekends</source>
        <translation>周末班均衡</translation>
    </message>
    <message>
        <source>Fair holidays</source>
        <translation>节假日班均衡</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>个人意愿</translation>
    </message>
    <message>
        <source>More people than asked</source>
        <translation>人数超出需求</translation>
    </message>
    <message>
        <source>Forbidden successions</source>
        <translation>禁止的班次衔接</translation>
    </message>
    <message>
        <source>Shifts of each type</source>
        <translation>各类班次次数</translation>
    </message>
    <message>
        <source>Hours in the period</source>
        <translation>周期内工时</translation>
    </message>
    <message>
        <source>Fewest days in a row</source>
        <translation>最少连续上班天数</translation>
    </message>
    <message>
        <source>Fewest days off in a row</source>
        <translation>最少连续休息天数</translation>
    </message>
    <message>
        <source>Weekends worked</source>
        <translation>上班的周末数</translation>
    </message>
    <message>
        <source>{month}/{day}</source>
        <translation>{month}月{day}日</translation>
    </message>
    <message>
        <source>{day} {shift}: nobody with the skill {skill}</source>
        <translation>{day}{shift}：缺少具备 {skill} 技能的人员</translation>
    </message>
    <message>
        <source>{day} {shift}: not enough senior staff ({have} of {need})</source>
        <translation>{day}{shift}：资深人员不足（{have} / {need}）</translation>
    </message>
    <message>
        <source>{day} {shift}: {have} of {need} people</source>
        <translation>{day}{shift}：仅 {have} 人，需 {need} 人</translation>
    </message>
    <message>
        <source>{day}: {need} people needed, {have} available</source>
        <translation>{day}：需 {need} 人，可排 {have} 人</translation>
    </message>
    <message>
        <source>{name}: more than one shift on {day}</source>
        <translation>{name}：{day}排了不止一个班</translation>
    </message>
    <message>
        <source>{name} is on leave on {day}</source>
        <translation>{name}在{day}休假</translation>
    </message>
    <message>
        <source>{name}: less than {hours} h rest before {shift} on {day}</source>
        <translation>{name}：{day}{shift}前休息不足 {hours} 小时</translation>
    </message>
    <message>
        <source>{name}: {days} days in a row from {day} (at most {max})</source>
        <translation>{name}：自{day}起连续上班 {days} 天（最多 {max} 天）</translation>
    </message>
    <message>
        <source>{name}: {hours} h from {day} (at most {max} h)</source>
        <translation>{name}：自{day}起工时 {hours} 小时（最多 {max} 小时）</translation>
    </message>
    <message>
        <source>{name}: {rule} {count} (everyone {least} to {most})</source>
        <translation>{name}：{rule} {count} 次（全员 {least}～{most} 次）</translation>
    </message>
    <message>
        <source>{name} wanted to work on {day}</source>
        <translation>{name}希望在{day}上班</translation>
    </message>
    <message>
        <source>{name} wanted {day} off</source>
        <translation>{name}希望{day}休息</translation>
    </message>
    <message>
        <source>{day} {shift}: {have} people, {need} asked for</source>
        <translation>{day} {shift}：{have} 人，需求 {need} 人</translation>
    </message>
    <message>
        <source>{name}: {shift} on {day} may not follow {after}</source>
        <translation>{name}：{day} 的{shift}不能接在{after}之后</translation>
    </message>
    <message>
        <source>{name} may not work {shift} ({day})</source>
        <translation>{name} 不能上{shift}（{day}）</translation>
    </message>
    <message>
        <source>{name}: {count} × {shift} (at most {max})</source>
        <translation>{name}：{shift} {count} 次（最多 {max} 次）</translation>
    </message>
    <message>
        <source>{name}: {hours} h in the period (at most {max} h)</source>
        <translation>{name}：周期内 {hours} 小时（最多 {max} 小时）</translation>
    </message>
    <message>
        <source>{name}: {hours} h in the period (at least {min} h)</source>
        <translation>{name}：周期内 {hours} 小时（至少 {min} 小时）</translation>
    </message>
    <message>
        <source>{name}: only {days} days in a row from {day} (at least {min})</source>
        <translation>{name}：自 {day} 起只连续上班 {days} 天（至少 {min} 天）</translation>
    </message>
    <message>
        <source>{name}: only {days} days off from {day} (at least {min})</source>
        <translation>{name}：自 {day} 起只连续休息 {days} 天（至少 {min} 天）</translation>
    </message>
    <message>
        <source>{name}: {count} weekends worked (at most {max})</source>
        <translation>{name}：上班 {count} 个周末（最多 {max} 个）</translation>
    </message>
</context>
<context>
    <name>RotaSidePanel</name>
    <message>
        <source>Checks</source>
        <translation>规则检查</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人班次</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>调班记录</translation>
    </message>
    <message>
        <source>{day} {shift}: {absent} → {cover} ({reason})</source>
        <translation>{day} {shift}：{absent} → {cover}（{reason}）</translation>
    </message>
    <message>
        <source>On duty now: {people}</source>
        <translation>当前在岗：{people}</translation>
    </message>
    <message>
        <source>Emergency reserve: {people}</source>
        <translation>应急储备：{people}</translation>
    </message>
    <message>
        <source>{hard} hard, {soft} soft rule violations</source>
        <translation>违反硬性规则 {hard} 处，柔性规则 {soft} 处</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Rota rules</source>
        <translation>排班规则</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>硬性</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>参数值</translation>
    </message>
</context>
<context>
    <name>RulesEditor</name>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Warnings (% used)</source>
        <translation>预警（已用 %）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>24x7</source>
        <translation>7×24 小时</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source>e.g. 70, 80, 90</source>
        <translation>如 70, 80, 90</translation>
    </message>
    <message>
        <source> rings</source>
        <translation> 声</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
</context>
<context>
    <name>SatisfactionDialog</name>
    <message>
        <source>Requester confirmation</source>
        <translation>报障人确认</translation>
    </message>
    <message>
        <source>Satisfaction (1–5)</source>
        <translation>满意度（1–5）</translation>
    </message>
    <message>
        <source>Collected by</source>
        <translation>收集方式</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>SeatDesk</name>
    <message>
        <source>&amp;Lock desk</source>
        <translation>锁定席位(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;witch seat…</source>
        <translation>切换坐席(&amp;W)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <source>checked offline</source>
        <translation>离线验证</translation>
    </message>
</context>
<context>
    <name>Seeding</name>
    <message>
        <source>Writing the catalog and the staff…</source>
        <translation>正在写入目录和人员…</translation>
    </message>
    <message>
        <source>Writing the demo tickets…</source>
        <translation>正在写入演示工单…</translation>
    </message>
    <message>
        <source>Writing the knowledge base…</source>
        <translation>正在写入知识库…</translation>
    </message>
    <message>
        <source>Planning the demo rota…</source>
        <translation>正在编排演示排班…</translation>
    </message>
    <message>
        <source>Opening the desk…</source>
        <translation>正在打开服务台…</translation>
    </message>
</context>
<context>
    <name>SeedingWindow</name>
    <message>
        <source>Seatdesk: preparing the demo desk</source>
        <translation>Seatdesk：正在准备演示服务台</translation>
    </message>
    <message>
        <source>Seatdesk is writing a demo desk to try it out. This takes a few seconds, once.</source>
        <translation>Seatdesk 正在写入一个供试用的演示服务台。只需一次，耗时几秒钟。</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <source>Join a sync server</source>
        <translation>加入同步服务器</translation>
    </message>
    <message>
        <source>Your service desk&apos;s administrator gives you the server&apos;s address and your account. This desk then fetches the staff, catalog and tickets from the server.</source>
        <translation>服务器地址和您的账号由服务台管理员提供。随后本席位将从服务器获取人员、工单目录和工单。</translation>
    </message>
    <message>
        <source>Signing in and fetching the desk&apos;s records from the server… A large desk takes a few minutes.</source>
        <translation>正在登录并从服务器获取服务台数据…数据量较大时需要几分钟。</translation>
    </message>
    <message>
        <source>This data folder already holds records of its own, so it cannot join a server. Start Seatdesk with a new data folder to join.</source>
        <translation>此数据文件夹中已有本地数据，因此无法加入服务器。如需加入，请使用新的数据文件夹启动 Seatdesk。</translation>
    </message>
    <message>
        <source>The desk could not join the server: %1</source>
        <translation>无法加入服务器：%1</translation>
    </message>
</context>
<context>
    <name>ServerRefusal</name>
    <message>
        <source>The server wants you to sign in again: lock the desk (Ctrl+Shift+L) and sign in, then try again.</source>
        <translation>服务器要求重新登录：请锁定席位（Ctrl+Shift+L）并登录，然后重试。</translation>
    </message>
    <message>
        <source>Your role may not do this on the server.</source>
        <translation>您的角色无权在服务器上执行此操作。</translation>
    </message>
    <message>
        <source>The server has no active account of that name.</source>
        <translation>服务器上没有该名称的有效账号。</translation>
    </message>
    <message>
        <source>The server no longer knows this chat.</source>
        <translation>服务器上已找不到此会话。</translation>
    </message>
    <message>
        <source>This chat has ended.</source>
        <translation>此会话已结束。</translation>
    </message>
    <message>
        <source>Another seat has accepted this chat.</source>
        <translation>另一位坐席已接入此会话。</translation>
    </message>
    <message>
        <source>Accept the chat before you write or hand it over.</source>
        <translation>请先接入会话，再回复或转交。</translation>
    </message>
    <message>
        <source>The server&apos;s desk has no ticket types or categories yet: an administrator adds them first.</source>
        <translation>服务器上的服务台尚无工单类型或分类：请先由管理员添加。</translation>
    </message>
    <message>
        <source>The server no longer knows this source: reload the list.</source>
        <translation>服务器上已找不到此来源：请刷新列表。</translation>
    </message>
    <message>
        <source>This extension is another seat&apos;s on the server.</source>
        <translation>该分机在服务器上已属于另一位坐席。</translation>
    </message>
    <message>
        <source>The server found the alert or rule malformed.</source>
        <translation>服务器认为该告警或规则格式有误。</translation>
    </message>
    <message>
        <source>The server found what was sent malformed.</source>
        <translation>服务器认为发送的内容格式有误。</translation>
    </message>
    <message>
        <source>Too many requests in a short time: wait a minute and try again.</source>
        <translation>短时间内请求过多：请等待一分钟后重试。</translation>
    </message>
    <message>
        <source>The server cannot be reached; try again when the network is back.</source>
        <translation>无法连接服务器；请在网络恢复后重试。</translation>
    </message>
    <message>
        <source>The server refused it (%1).</source>
        <translation>服务器拒绝了该操作（%1）。</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up Seatdesk</source>
        <translation>设置 Seatdesk</translation>
    </message>
    <message>
        <source>The language of this desk&apos;s windows; each seat may change it later in the View menu.</source>
        <translation>本席位界面所用的语言；每位坐席之后可在“视图”菜单中更改。</translation>
    </message>
</context>
<context>
    <name>ShiftTypesDialog</name>
    <message>
        <source>Shift types</source>
        <translation>班次类型</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>On call</source>
        <translation>备班</translation>
    </message>
    <message>
        <source>Add shift type</source>
        <translation>添加班次类型</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>The order is the grid&apos;s keys 1, 2, 3…; the code letter is typed in the grid. On-call shifts are the emergency reserve: they count for one shift a day, not for hours or rest.</source>
        <translation>顺序即表格中的快捷键 1、2、3…；代码字母可在表格中直接输入。备班是应急储备：计入每天一个班次，不计工时和休息。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Demo desk: sign in as %1 (administrator), %2 (supervisor) or %3 (agent); the password is &quot;%4&quot;.</source>
        <translation>演示服务台：可使用 %1（管理员）、%2（值班长）或 %3（坐席）登录，密码均为“%4”。</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Another seat…</source>
        <translation>其他坐席登录…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Sign in to Seatdesk</source>
        <translation>登录 Seatdesk</translation>
    </message>
    <message>
        <source>Desk locked</source>
        <translation>席位已锁定</translation>
    </message>
    <message>
        <source>Switch seat</source>
        <translation>切换坐席</translation>
    </message>
    <message>
        <source>This desk is locked by %1. Enter the password to go on, or let another seat sign in.</source>
        <translation>此席位已被 %1 锁定。请输入密码继续，或由其他坐席登录。</translation>
    </message>
    <message>
        <source>The next seat signs in: from now on every change is recorded under their name.</source>
        <translation>由下一位坐席登录：此后的每项更改都将以其名义记录。</translation>
    </message>
    <message>
        <source>Sign in with your account: every change you make is recorded under your name.</source>
        <translation>请使用您的账号登录：您所做的每项更改都将以您的名义记录。</translation>
    </message>
    <message>
        <source>Enter your login.</source>
        <translation>请输入登录名。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <source>The desk could not check the password: %1</source>
        <translation>无法验证密码：%1</translation>
    </message>
</context>
<context>
    <name>SlaDesk</name>
    <message>
        <source>Escalated: you follow it</source>
        <translation>升级：由您跟进</translation>
    </message>
    <message>
        <source>{numbers}: {target} {threshold}</source>
        <translation>{numbers}：{target} {threshold}</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA 已超时</translation>
    </message>
    <message>
        <source>SLA at risk</source>
        <translation>SLA 临近超时</translation>
    </message>
    <message>
        <source>SLA warning</source>
        <translation>SLA 预警</translation>
    </message>
    <message>
        <source>Phone answer target missed</source>
        <translation>电话接听未达标</translation>
    </message>
    <message>
        <source>{number}: {target} {threshold}</source>
        <translation>{number}：{target}{threshold}</translation>
    </message>
    <message>
        <source> (+{count} more)</source>
        <translation>（另有 {count} 条）</translation>
    </message>
    <message>
        <source>Escalated to the supervisors</source>
        <translation>已升级至主管</translation>
    </message>
</context>
<context>
    <name>SlaLabels</name>
    <message>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>Progress update</source>
        <translation>进度更新</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation>领取</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Consultation answered</source>
        <translation>咨询答复</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>结果回访</translation>
    </message>
    <message>
        <source>Handling plan</source>
        <translation>处理方案</translation>
    </message>
    <message>
        <source>Phone answered (rings)</source>
        <translation>电话接听（响铃声数）</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>回电</translation>
    </message>
    <message>
        <source>Waiting on a vendor</source>
        <translation>等待厂商</translation>
    </message>
    <message>
        <source>Wrong category or level</source>
        <translation>分类或级别有误</translation>
    </message>
    <message>
        <source>Not enough staff</source>
        <translation>人手不足</translation>
    </message>
    <message>
        <source>Requester unreachable</source>
        <translation>联系不上请求人</translation>
    </message>
    <message>
        <source>More complex than graded</source>
        <translation>问题比定级更复杂</translation>
    </message>
    <message>
        <source>Tools or systems down</source>
        <translation>工具或系统故障</translation>
    </message>
    <message>
        <source>Other (say what)</source>
        <translation>其他（请说明）</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>临近超时</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>%1 % of the time used</source>
        <translation>已用时 %1%</translation>
    </message>
    <message>
        <source>%1 min past the deadline</source>
        <translation>超时 %1 分钟</translation>
    </message>
    <message>
        <source>%1 min before the deadline</source>
        <translation>到期前 %1 分钟</translation>
    </message>
    <message>
        <source>Notify the supervisor</source>
        <translation>通知值班长</translation>
    </message>
    <message>
        <source>Raise the level</source>
        <translation>提升级别</translation>
    </message>
    <message>
        <source>Hand over to a senior group</source>
        <translation>转交高级处理组</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Sent, not acknowledged</source>
        <translation>已发送，未确认</translation>
    </message>
    <message>
        <source>a withheld number</source>
        <translation>隐藏号码</translation>
    </message>
    <message>
        <source>Call from {caller} to extension {extension} answered after {rings} rings (target {limit})</source>
        <translation>{caller} 打入分机 {extension} 的来电在响铃 {rings} 声后接听（目标 {limit} 声）</translation>
    </message>
    <message>
        <source>Call from {caller} to extension {extension}: the caller hung up before an answer</source>
        <translation>{caller} 打入分机 {extension} 的来电：接听前来电方已挂断</translation>
    </message>
    <message>
        <source>Call from {caller} to extension {extension} was not answered</source>
        <translation>{caller} 打入分机 {extension} 的来电未接听</translation>
    </message>
</context>
<context>
    <name>SlaPolicy</name>
    <message>
        <source>Official holidays of %1 saved.</source>
        <translation>%1 年法定节假日已保存。</translation>
    </message>
    <message>
        <source>SLA policy version %1 saved: it applies to tickets logged from now on.</source>
        <translation>SLA 策略第 %1 版已保存：适用于此后登记的工单。</translation>
    </message>
    <message>
        <source>Calendar overrides saved.</source>
        <translation>日历调整已保存。</translation>
    </message>
    <message>
        <source>SLA &amp;policies…</source>
        <translation>SLA 策略(&amp;P)…</translation>
    </message>
    <message>
        <source>Official &amp;holidays…</source>
        <translation>法定节假日(&amp;H)…</translation>
    </message>
    <message>
        <source>Notify the supervisor</source>
        <translation>通知值班长</translation>
    </message>
    <message>
        <source>Raise the level</source>
        <translation>提升级别</translation>
    </message>
    <message>
        <source>Hand over to a senior group</source>
        <translation>转交上级组</translation>
    </message>
    <message>
        <source>Post to a webhook</source>
        <translation>推送到 Webhook</translation>
    </message>
    <message>
        <source>At risk (share above)</source>
        <translation>临近超时（上方比例）</translation>
    </message>
    <message>
        <source>Share of the time used (%)</source>
        <translation>已用时间比例（%）</translation>
    </message>
    <message>
        <source>Minutes before the deadline</source>
        <translation>到期前若干分钟</translation>
    </message>
    <message>
        <source>At the deadline</source>
        <translation>到期时</translation>
    </message>
    <message>
        <source>Minutes past the deadline</source>
        <translation>超时后若干分钟</translation>
    </message>
    <message>
        <source>Targets, row %1:</source>
        <translation>时限目标第 %1 行：</translation>
    </message>
    <message>
        <source>Calendar, row %1:</source>
        <translation>日历调整第 %1 行：</translation>
    </message>
    <message>
        <source>At-risk share:</source>
        <translation>临近超时比例：</translation>
    </message>
    <message>
        <source>Business hours:</source>
        <translation>工作时间：</translation>
    </message>
    <message>
        <source>Escalations, row %1:</source>
        <translation>升级规则第 %1 行：</translation>
    </message>
    <message>
        <source>the target needs more than 0 minutes.</source>
        <translation>时限必须大于 0 分钟。</translation>
    </message>
    <message>
        <source>give a share between 0 and 100 %, both excluded.</source>
        <translation>请填写大于 0% 且小于 100% 的比例。</translation>
    </message>
    <message>
        <source>warnings are percentages from 1 to 99 (not %1).</source>
        <translation>预警须为 1 到 99 之间的百分比（不能是 %1）。</translation>
    </message>
    <message>
        <source>write warnings as numbers separated by commas, e.g. 70, 80, 90.</source>
        <translation>预警请填写以逗号分隔的数字，例如 70, 80, 90。</translation>
    </message>
    <message>
        <source>choose a share from 1 to 99 %, or at least one minute before or past the deadline.</source>
        <translation>请选择 1% 到 99% 的比例，或到期前后至少 1 分钟。</translation>
    </message>
    <message>
        <source>the webhook address must start with http:// or https:// and name a server.</source>
        <translation>Webhook 地址须以 http:// 或 https:// 开头并包含服务器地址。</translation>
    </message>
    <message>
        <source>choose the senior group to hand the ticket to.</source>
        <translation>请选择接收工单的上级组。</translation>
    </message>
    <message>
        <source>%1 is listed twice.</source>
        <translation>%1 重复出现。</translation>
    </message>
    <message>
        <source>the closing time must be after the opening time, on the same day.</source>
        <translation>下班时间必须晚于上班时间，且在同一天内。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time zone this computer knows; choose one from the list, e.g. Asia/Shanghai.</source>
        <translation>本机不认识时区“%1”；请从列表中选择，例如 Asia/Shanghai。</translation>
    </message>
</context>
<context>
    <name>SlaTicketPanel</name>
    <message>
        <source>Service levels</source>
        <translation>服务时效</translation>
    </message>
    <message>
        <source>Say why…</source>
        <translation>说明原因…</translation>
    </message>
    <message>
        <source>No service-level targets apply to this ticket.</source>
        <translation>此工单没有适用的服务时效目标。</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>截止 %1</translation>
    </message>
    <message>
        <source>overdue by %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>%1 left when it resumes</source>
        <translation>恢复计时后剩余 %1</translation>
    </message>
    <message>
        <source>stopped %1</source>
        <translation>已停止于 %1</translation>
    </message>
    <message numerus="yes">
        <source>paused %n time(s), %1 in all</source>
        <translation>
            <numerusform>暂停 %n 次，共 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>restarts with every update visible to the requester</source>
        <translation>每次向报障人可见的进展更新后重新计时</translation>
    </message>
    <message numerus="yes">
        <source>%n update window(s) missed</source>
        <translation>
            <numerusform>错过 %n 个更新周期</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Missed: %1. Why?</source>
        <translation>未达成：%1。原因是？</translation>
    </message>
    <message>
        <source>Supervisors notified (%1 %2, %3)</source>
        <translation>已通知值班长（%1 %2，%3）</translation>
    </message>
    <message>
        <source>delivered to %1 %2</source>
        <translation>已于 %2 送达 %1</translation>
    </message>
    <message>
        <source>acknowledged by %1 %2</source>
        <translation>%1 已于 %2 确认</translation>
    </message>
    <message>
        <source>not acknowledged yet</source>
        <translation>尚未确认</translation>
    </message>
    <message>
        <source>not seen by a supervisor yet</source>
        <translation>尚无值班长查看</translation>
    </message>
    <message>
        <source>on track</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>at risk</source>
        <translation>临近超时</translation>
    </message>
    <message>
        <source>breached</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>未达成</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Add a staff member</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>A login never changes: accounts and sign-in find the person by it.</source>
        <translation>登录名一经设定便不可更改：账号和登录均通过它识别此人。</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>（无班组）</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation>登录名(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>班组(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Seniority</source>
        <translation>资历(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;kills</source>
        <translation>技能(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>电子邮箱(&amp;E)</translation>
    </message>
</context>
<context>
    <name>StaffImport</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入方式</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Seniority</source>
        <translation>资历</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Update, reactivate</source>
        <translation>更新并恢复启用</translation>
    </message>
    <message>
        <source>new account</source>
        <translation>新建账号</translation>
    </message>
    <message>
        <source>account kept</source>
        <translation>保留原账号</translation>
    </message>
    <message>
        <source>The file cannot be read: {detail}</source>
        <translation>无法读取文件：{detail}</translation>
    </message>
    <message>
        <source>The file is neither UTF-8 nor GBK text. Save it from Excel or WPS as CSV or XLSX.</source>
        <translation>文件既不是 UTF-8 也不是 GBK 编码的文本。请用 Excel 或 WPS 将其另存为 CSV 或 XLSX。</translation>
    </message>
    <message>
        <source>The file is not valid CSV (near row {detail}).</source>
        <translation>文件不是有效的 CSV（第 {detail} 行附近）。</translation>
    </message>
    <message>
        <source>The file is not an XLSX workbook.</source>
        <translation>文件不是 XLSX 工作簿。</translation>
    </message>
    <message>
        <source>Old Excel (.xls) and WPS (.et) workbooks cannot be read. Save the file as XLSX or CSV.</source>
        <translation>无法读取旧版 Excel（.xls）和 WPS（.et）工作簿。请将文件另存为 XLSX 或 CSV。</translation>
    </message>
    <message>
        <source>No column named “{field}” in the first five rows.</source>
        <translation>前五行中没有名为“{field}”的列。</translation>
    </message>
    <message>
        <source>Two columns are named “{field}”: keep one.</source>
        <translation>有两列都名为“{field}”：请只保留一列。</translation>
    </message>
    <message>
        <source>The file has no staff rows.</source>
        <translation>文件中没有人员数据行。</translation>
    </message>
    <message>
        <source>The file has more than {detail} rows: split it.</source>
        <translation>文件超过 {detail} 行：请拆分后再导入。</translation>
    </message>
    <message>
        <source>{field} missing</source>
        <translation>缺少{field}</translation>
    </message>
    <message>
        <source>{field} longer than {detail} characters</source>
        <translation>{field}超过 {detail} 个字符</translation>
    </message>
    <message>
        <source>login “{detail}” may only have letters, digits and . _ @ -</source>
        <translation>登录名“{detail}”只能包含字母、数字和 . _ @ -</translation>
    </message>
    <message>
        <source>same login as row {detail}</source>
        <translation>与第 {detail} 行的登录名相同</translation>
    </message>
    <message>
        <source>login “{detail}” belonged to a removed staff member</source>
        <translation>登录名“{detail}”曾属于已删除的人员</translation>
    </message>
    <message>
        <source>no team “{detail}” in service</source>
        <translation>班组“{detail}”不存在或已停用</translation>
    </message>
    <message>
        <source>no skill “{detail}” in service</source>
        <translation>技能“{detail}”不存在或已停用</translation>
    </message>
    <message>
        <source>seniority “{detail}” is not 1, 2 or 3</source>
        <translation>资历“{detail}”不是 1、2 或 3</translation>
    </message>
    <message>
        <source>“{detail}” is not a phone number</source>
        <translation>“{detail}”不是有效的电话号码</translation>
    </message>
    <message>
        <source>“{detail}” is not an e-mail address</source>
        <translation>“{detail}”不是有效的电子邮箱地址</translation>
    </message>
    <message>
        <source>no role “{detail}”</source>
        <translation>角色“{detail}”不存在</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between a row&apos;s problems</comment>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>Seniority</source>
        <translation>资历</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Welcome to Seatdesk</source>
        <translation>欢迎使用 Seatdesk</translation>
    </message>
    <message>
        <source>This data folder is new: %1. How should this desk start?</source>
        <translation>这是一个新的数据文件夹：%1。请选择本席位的启动方式。</translation>
    </message>
    <message>
        <source>&amp;Set up a new service desk</source>
        <translation>新建服务台(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Join your service desk&apos;s sync server</source>
        <translation>加入服务台的同步服务器(&amp;J)</translation>
    </message>
    <message>
        <source>Try the &amp;demo desk</source>
        <translation>试用演示服务台(&amp;D)</translation>
    </message>
    <message>
        <source>You are its administrator: name the desk, choose its time zone and make your account. Staff, accounts and the catalog are then added under Administration.</source>
        <translation>您将担任其管理员：为服务台命名、选择时区并创建您的账号。之后可在“系统管理”中添加人员、账号和工单目录。</translation>
    </message>
    <message>
        <source>Sign in with the account your administrator gave you: the desk fetches everything from the server and keeps working when the network is down.</source>
        <translation>使用管理员为您分配的账号登录：本席位将从服务器获取全部数据，网络中断时也可继续工作。</translation>
    </message>
    <message>
        <source>Made-up staff, requesters and about 3000 tickets, to try Seatdesk. Not for real work: start a new data folder for that.</source>
        <translation>包含虚构的人员、报障人和约 3000 张工单，供试用 Seatdesk。请勿用于实际工作：实际使用请新建数据文件夹。</translation>
    </message>
</context>
<context>
    <name>StartupError</name>
    <message>
        <source>The database %1 was written by a newer version of Seatdesk (schema %2). Update Seatdesk to open it; nothing in it was changed.</source>
        <translation>数据库 %1 由更新版本的服务台坐席写入（结构版本 %2）。请升级本程序后再打开；数据库未做任何改动。</translation>
    </message>
    <message>
        <source>Seatdesk cannot use its data folder %1: %2</source>
        <translation>无法使用数据目录 %1：%2</translation>
    </message>
    <message>
        <source>Seatdesk</source>
        <translation>服务台坐席</translation>
    </message>
</context>
<context>
    <name>SuccessionsDialog</name>
    <message>
        <source>Forbidden successions</source>
        <translation>禁止的班次衔接</translation>
    </message>
    <message>
        <source>then {shift}</source>
        <translation>次日{shift}</translation>
    </message>
    <message>
        <source>{later} may not start the day after {first}</source>
        <translation>{first}的次日不能上{later}</translation>
    </message>
    <message>
        <source>(the minimum rest forbids it already)</source>
        <translation>（最短休息规则已禁止）</translation>
    </message>
    <message>
        <source>Rows: the shift worked; columns: the next day&apos;s shift. A tick forbids that succession (hard or soft as the rule says).</source>
        <translation>行：当天的班次；列：次日的班次。勾选即禁止该衔接（硬或软取决于规则设置）。</translation>
    </message>
</context>
<context>
    <name>SyncDesk</name>
    <message>
        <source>S&amp;ync</source>
        <translation>同步(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Connect to a server…</source>
        <translation>连接服务器(&amp;C)…</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>立即同步(&amp;N)</translation>
    </message>
    <message>
        <source>Sync &amp;status…</source>
        <translation>同步状态(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Sync status</source>
        <translation>同步状态</translation>
    </message>
    <message>
        <source>Discard the selected change…</source>
        <translation>放弃所选修改…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value kept</source>
        <translation>保留的值</translation>
    </message>
    <message>
        <source>Value lost</source>
        <translation>被覆盖的值</translation>
    </message>
    <message>
        <source>Kept by</source>
        <translation>保留方</translation>
    </message>
    <message>
        <source>Lost by</source>
        <translation>被覆盖方</translation>
    </message>
    <message>
        <source>At</source>
        <translation>时间</translation>
    </message>
    <message numerus="yes">
        <source>Waiting to send (%n)</source>
        <translation>
            <numerusform>待发送（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Needs attention (%n)</source>
        <translation>
            <numerusform>需处理（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Conflicts (%n)</source>
        <translation>
            <numerusform>冲突（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a change under “Needs attention” first.</source>
        <translation>请先在“需处理”中选择一条修改。</translation>
    </message>
    <message>
        <source>Discard this change for good? The server refused it and the desk already shows the server&apos;s value.</source>
        <translation>确定永久放弃这条修改吗？服务器已拒绝它，席位上显示的已是服务器的值。</translation>
    </message>
</context>
<context>
    <name>TemplatesTab</name>
    <message>
        <source>Request received</source>
        <translation>已收到请求</translation>
    </message>
    <message>
        <source>Answer to the requester</source>
        <translation>答复报障人</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <source>Resolved (please confirm)</source>
        <translation>已解决（请确认）</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Reminder: still unconfirmed</source>
        <translation>提醒：仍未确认</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Use the &amp;built-in wording</source>
        <translation>使用内置措辞(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>事件(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>主题(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>正文(&amp;T)：</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>预览：</translation>
    </message>
    <message>
        <source>Placeholders: {number} {title} {requester} {desk} {text}</source>
        <translation>占位符：{number} 工单号，{title} 标题，{requester} 报障人，{desk} 服务台名称，{text} 答复或解决方案</translation>
    </message>
    <message>
        <source>Only administrators change what the desk tells requesters.</source>
        <translation>只有管理员可以修改发给报障人的消息。</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>主题：%1</translation>
    </message>
    <message>
        <source>Give the message a subject and a text.</source>
        <translation>请填写消息的主题和正文。</translation>
    </message>
    <message>
        <source>The text is longer than %1 characters.</source>
        <translation>正文超过 %1 个字符。</translation>
    </message>
    <message>
        <source>Saved. New messages use this wording.</source>
        <translation>已保存。新消息将使用此措辞。</translation>
    </message>
</context>
<context>
    <name>TicketWindow</name>
    <message>
        <source>First response given</source>
        <translation>已首次响应</translation>
    </message>
    <message>
        <source>Take</source>
        <translation>领取</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>分派…</translation>
    </message>
    <message>
        <source>Start work</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <source>Wait for requester…</source>
        <translation>等待报障人…</translation>
    </message>
    <message>
        <source>Wait for vendor…</source>
        <translation>等待厂商…</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>解决…</translation>
    </message>
    <message>
        <source>Requester confirmed…</source>
        <translation>报障人已确认…</translation>
    </message>
    <message>
        <source>Close without confirmation</source>
        <translation>未经确认直接关闭</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>添加备注…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Link or merge…</source>
        <translation>关联或合并…</translation>
    </message>
    <message>
        <source>This ticket no longer exists.</source>
        <translation>该工单已不存在。</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>报障人</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Time spent</source>
        <translation>处理用时</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>关联工单</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>Waiting for what?</source>
        <translation>等待什么？</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Why is it reopened?</source>
        <translation>重新打开的原因是什么？</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>closed without the requester&apos;s confirmation</source>
        <translation>未经报障人确认即关闭</translation>
    </message>
    <message>
        <source>%1/5</source>
        <translation>%1/5</translation>
    </message>
    <message>
        <source>%1, collected by %2</source>
        <translation>%1，由 %2 收集</translation>
    </message>
    <message>
        <source>duplicate of</source>
        <translation>重复于</translation>
    </message>
    <message>
        <source>related to</source>
        <translation>相关</translation>
    </message>
    <message>
        <source>caused by</source>
        <translation>由其引起</translation>
    </message>
    <message>
        <source>has duplicate</source>
        <translation>有重复单</translation>
    </message>
    <message>
        <source>causes</source>
        <translation>引起</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>impact</source>
        <translation>影响范围</translation>
    </message>
    <message>
        <source>importance</source>
        <translation>业务重要性</translation>
    </message>
    <message>
        <source>level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>reason for the level</source>
        <translation>级别调整原因</translation>
    </message>
    <message>
        <source>notified the supervisor</source>
        <translation>通知了值班长</translation>
    </message>
    <message>
        <source>raised the level</source>
        <translation>提升了级别</translation>
    </message>
    <message>
        <source>handed it to a senior group</source>
        <translation>移交给高级支持组</translation>
    </message>
    <message>
        <source>posted to the alert webhook</source>
        <translation>推送到告警机器人</translation>
    </message>
    <message>
        <source>escalated (%1 %2): %3</source>
        <translation>已升级（%1 %2）：%3</translation>
    </message>
    <message>
        <source>%1, collected by %2</source>
        <translation>%1，由 %2 收集</translation>
    </message>
    <message>
        <source> without the requester&apos;s confirmation</source>
        <translation>（未经报障人确认）</translation>
    </message>
    <message>
        <source> without the requester&apos;s confirmation (no answer within %1 h)</source>
        <translation>（未经报障人确认：%1 小时内未答复）</translation>
    </message>
    <message>
        <source>wrote the emergency plan (%1 steps)</source>
        <translation>制定了应急处置方案（%1 步）</translation>
    </message>
    <message>
        <source>saved the handling plan (%1 steps)</source>
        <translation>保存了处理方案（%1 步）</translation>
    </message>
    <message>
        <source>carried out plan step %1</source>
        <translation>完成了方案第 %1 步</translation>
    </message>
    <message>
        <source> (after its planned time)</source>
        <translation>（晚于计划时间）</translation>
    </message>
    <message>
        <source>verified the resolution</source>
        <translation>验证了处理结果</translation>
    </message>
    <message>
        <source>did not verify the resolution: back to work</source>
        <translation>处理结果未通过验证：退回处理</translation>
    </message>
    <message>
        <source>reviewed and approved the result</source>
        <translation>审核通过了处理结果</translation>
    </message>
    <message>
        <source>sent the result back with findings</source>
        <translation>审核退回并附审核意见</translation>
    </message>
    <message>
        <source>recorded the analysis (planned: %1 min)</source>
        <translation>记录了分析（计划用时 %1 分钟）</translation>
    </message>
    <message>
        <source>declared a level-1 emergency</source>
        <translation>启动了一级应急响应</translation>
    </message>
    <message>
        <source>e-mail from %1: %2</source>
        <translation>来自 %1 的邮件：%2</translation>
    </message>
    <message>
        <source> (sent automatically; not answered)</source>
        <translation>（自动发送，不予回复）</translation>
    </message>
    <message>
        <source>; attachment %1 (%2)</source>
        <translation>；附件 %1（%2）</translation>
    </message>
    <message>
        <source>; attachment %1 (%2) not kept: over the size limit</source>
        <translation>；附件 %1（%2）未保存：超过大小限制</translation>
    </message>
    <message>
        <source>the alert fired again</source>
        <translation>告警再次触发</translation>
    </message>
    <message>
        <source>the alert resolved</source>
        <translation>告警已恢复</translation>
    </message>
    <message>
        <source>another alert joined this storm</source>
        <translation>又一条告警并入此告警风暴</translation>
    </message>
    <message>
        <source>sent an e-mail to %1: %2</source>
        <translation>已向 %1 发送邮件：%2</translation>
    </message>
    <message>
        <source>could not send an e-mail to %1 (%2); the reason follows</source>
        <translation>无法向 %1 发送邮件（%2），原因如下</translation>
    </message>
    <message>
        <source>created the ticket</source>
        <translation>创建了工单</translation>
    </message>
    <message>
        <source>changed the state: %1 → %2</source>
        <translation>将状态从 %1 改为 %2</translation>
    </message>
    <message>
        <source>assigned the ticket</source>
        <translation>分派了工单</translation>
    </message>
    <message>
        <source>recorded satisfaction %1/5</source>
        <translation>记录满意度 %1/5</translation>
    </message>
    <message>
        <source>logged work (%1 min)</source>
        <translation>登记工作（%1 分钟）</translation>
    </message>
    <message>
        <source>edited: %1</source>
        <translation>修改了：%1</translation>
    </message>
    <message>
        <source>changed the level: %1 → %2</source>
        <translation>将级别从 %1 改为 %2</translation>
    </message>
    <message>
        <source>noted a call</source>
        <translation>记录了通话</translation>
    </message>
    <message>
        <source>said why %1 was missed: %2</source>
        <translation>说明了%1超时原因：%2</translation>
    </message>
    <message>
        <source>gave the first response</source>
        <translation>完成首次响应</translation>
    </message>
    <message>
        <source>linked another ticket</source>
        <translation>关联了其他工单</translation>
    </message>
    <message>
        <source>replied to the requester</source>
        <translation>回复了报障人</translation>
    </message>
    <message>
        <source>added an internal comment</source>
        <translation>添加了内部备注</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <source>Rename unit</source>
        <translation>重命名单位</translation>
    </message>
    <message>
        <source>Renames the unit of %1 requester(s) at once. Choosing the name of another unit joins the two.</source>
        <translation>将一次性修改 %1 位报障人的单位名称。如改为另一个已有单位的名称，两个单位将合并。</translation>
    </message>
    <message>
        <source>&amp;New name</source>
        <translation>新名称(&amp;N)</translation>
    </message>
</context>
<context>
    <name>UnitsPanel</name>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Requesters</source>
        <translation>报障人数</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单数</translation>
    </message>
    <message>
        <source>Show requesters</source>
        <translation>查看报障人</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>(no unit)</source>
        <translation>（无单位）</translation>
    </message>
</context>
<context>
    <name>VerdictDialog</name>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Say what does not hold: the text is required when sending back.</source>
        <translation>请说明问题所在：退回时必须填写。</translation>
    </message>
</context>
<context>
    <name>VersionHistory</name>
    <message>
        <source>Article history</source>
        <translation>文章历史</translation>
    </message>
    <message>
        <source>Version %1 · %2 · %3</source>
        <translation>第 %1 版 · %2 · %3</translation>
    </message>
    <message>
        <source>&amp;Restore this version</source>
        <translation>恢复此版本(&amp;R)</translation>
    </message>
    <message>
        <source>No changes.</source>
        <translation>无变化。</translation>
    </message>
    <message>
        <source>First version.</source>
        <translation>第一个版本。</translation>
    </message>
</context>
<context>
    <name>WallDisplay</name>
    <message>
        <source>Seatdesk wallboard</source>
        <translation>Seatdesk 值班大屏</translation>
    </message>
</context>
<context>
    <name>Wallboard</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
</context>
<context>
    <name>WallboardPage</name>
    <message>
        <source>Wallboard</source>
        <translation>值班大屏</translation>
    </message>
    <message>
        <source>Full screen (F11)</source>
        <translation>全屏（F11）</translation>
    </message>
    <message>
        <source>Show the wallboard alone on this screen, for a wall display; F11 or Esc returns</source>
        <translation>在此屏幕上单独显示值班大屏，用于墙面显示；按 F11 或 Esc 返回</translation>
    </message>
</context>
<context>
    <name>_AccountDialog</name>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>确认密码(&amp;A)：</translation>
    </message>
    <message>
        <source>At least %1 characters. Tell it to the person in person or by phone; they sign in with it.</source>
        <translation>至少 %1 个字符。请当面或通过电话告知本人，其将使用此密码登录。</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>正在请求服务器…</translation>
    </message>
</context>
</TS>
