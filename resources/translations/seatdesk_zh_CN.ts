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
    <name>FirstStart</name>
    <message>
        <source>Welcome to Seatdesk</source>
        <translation>欢迎使用服务台坐席</translation>
    </message>
    <message>
        <source>This data folder is new:
%1</source>
        <translation>这是一个新的数据目录：
%1</translation>
    </message>
    <message>
        <source>Fill it with a demo desk (staff, requesters and about 3000 tickets) to try Seatdesk, or start with an empty desk that only has the ticket categories?</source>
        <translation>是否填入演示数据（人员、报障人及约 3000 张工单）以便试用，还是从只含工单分类的空白服务台开始？</translation>
    </message>
    <message>
        <source>Demo desk</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Empty desk</source>
        <translation>空白服务台</translation>
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
        <source>The new language is used from the next start of Seatdesk.</source>
        <translation>新的界面语言将在下次启动后生效。</translation>
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
        <source>Rota</source>
        <translation>排班</translation>
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
        <source>Clear cells</source>
        <translation>清空单元格</translation>
    </message>
    <message>
        <source>Set shift</source>
        <translation>设置班次</translation>
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
        <source>Desk rota {month}</source>
        <translation>服务台排班表 {month}</translation>
    </message>
    <message>
        <source>Export iCalendar</source>
        <translation>导出 iCalendar</translation>
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
    <name>TicketListModel</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
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
</context>
<context>
    <name>TicketListPage</name>
    <message>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s), newest first</source>
        <translation>
            <numerusform>共 %n 张工单，最新在前</numerusform>
        </translation>
    </message>
</context>
</TS>
