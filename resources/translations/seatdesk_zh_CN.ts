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
        <source>Exported %1 article(s).</source>
        <translation>已导出 %1 篇文章。</translation>
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
</TS>
