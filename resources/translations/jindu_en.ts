<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AppliesToDialog</name>
    <message>
        <location filename="../../src/ui/plan_applies_dialog.py" line="45"/>
        <location filename="../../src/ui/plan_applies_dialog.py" line="46"/>
        <source>选择适用区县</source>
        <translation>Choose districts</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_applies_dialog.py" line="51"/>
        <source>全部区县(&amp;A)</source>
        <translation>&amp;All districts</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_applies_dialog.py" line="51"/>
        <source>指定区县(&amp;S)</source>
        <translation>&amp;Selected districts</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_applies_dialog.py" line="59"/>
        <source>区县(&amp;D)：空格键勾选或取消</source>
        <translation>&amp;Districts (Space ticks or unticks):</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_applies_dialog.py" line="61"/>
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_applies_dialog.py" line="74"/>
        <source>区县组：按下按钮即勾选该组的全部区县</source>
        <translation>District groups: a button ticks all districts of its group</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_applies_dialog.py" line="75"/>
        <source>清除勾选(&amp;L)</source>
        <translation>C&amp;lear ticks</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_applies_dialog.py" line="76"/>
        <source>清除勾选</source>
        <translation>Clear ticks</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_applies_dialog.py" line="90"/>
        <source>新区县组名称(&amp;N)：</source>
        <translation>&amp;New group name:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_applies_dialog.py" line="92"/>
        <source>新区县组名称</source>
        <translation>New group name</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_applies_dialog.py" line="94"/>
        <source>把勾选的区县存为区县组(&amp;G)</source>
        <translation>Save ticked districts as a &amp;group</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_applies_dialog.py" line="95"/>
        <source>把勾选的区县存为区县组</source>
        <translation>Save ticked districts as a group</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_applies_dialog.py" line="104"/>
        <source>提示</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_applies_dialog.py" line="105"/>
        <source>勾选的区县与某个区县组完全相同时，指标按区县组引用。</source>
        <translation>When the ticked districts are exactly a group, the indicator refers to the group.</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_applies_dialog.py" line="126"/>
        <source>%1（%2 个区县）</source>
        <translation>%1 (%2 districts)</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_applies_dialog.py" line="131"/>
        <source>（建议）</source>
        <translation> (suggested)</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_applies_dialog.py" line="142"/>
        <source>选择“全部区县”时不看勾选</source>
        <translation>Ticks are ignored while &quot;All districts&quot; is chosen</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_applies_dialog.py" line="171"/>
        <source>已勾选「%1」的 %2 个区县。</source>
        <translation>Ticked the %2 districts of &quot;%1&quot;.</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_applies_dialog.py" line="182"/>
        <source>已清除全部勾选。</source>
        <translation>All ticks cleared.</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_applies_dialog.py" line="189"/>
        <source>未能添加区县组：</source>
        <translation>Could not add the group: </translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_applies_dialog.py" line="194"/>
        <source>已添加区县组「%1」（%2 个区县）。</source>
        <translation>Added the group &quot;%1&quot; (%2 districts).</translation>
    </message>
</context>
<context>
    <name>BehindItemsModel</name>
    <message>
        <location filename="../../src/ui/city_models.py" line="635"/>
        <source>工作任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="636"/>
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="637"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="638"/>
        <source>滞后指标</source>
        <translation>Indicators behind</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="639"/>
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="640"/>
        <source>下步打算</source>
        <translation>Next steps</translation>
    </message>
</context>
<context>
    <name>CertModel</name>
    <message>
        <location filename="../../src/ui/city_models.py" line="256"/>
        <source>区划代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="257"/>
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="258"/>
        <source>证书指纹（SHA-256）</source>
        <translation>Certificate fingerprint (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="259"/>
        <source>登记方式</source>
        <translation>Registered by</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="260"/>
        <source>登记时间</source>
        <translation>Registered at</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="261"/>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="277"/>
        <source>市残联登记</source>
        <translation>City office</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="278"/>
        <source>首次接收时自动登记（待核对）</source>
        <translation>Pinned at first import (to be checked)</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="282"/>
        <source>该证书是首次接收此区县上报包时自动登记的：请与区县电话核对指纹，或登记区县交来的证书文件。</source>
        <translation>This certificate was pinned when the district&apos;s first package was received: check the fingerprint with the district by phone, or register the certificate file the district hands in.</translation>
    </message>
</context>
<context>
    <name>ChartsPage</name>
    <message>
        <location filename="../../src/ui/city_pages.py" line="383"/>
        <source>虚线为时间进度。柱子有斜线并标“%1滞后”的，完成率落后时间进度超过 20 个百分点。Tab 键可移到每张图，读屏软件会读出各项数值。</source>
        <translation>The dashed line is the time elapsed. A hatched bar marked “%1Behind” is more than 20 points behind the time elapsed. Tab moves to each chart; a screen reader reads its values.</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <location filename="../../src/ui/check_texts.py" line="21"/>
        <source>%1：未填写状态</source>
        <translation>%1: no status given</translation>
    </message>
    <message>
        <location filename="../../src/ui/check_texts.py" line="22"/>
        <source>%1：未填写进展情况</source>
        <translation>%1: no progress described</translation>
    </message>
    <message>
        <location filename="../../src/ui/check_texts.py" line="23"/>
        <source>%1：本期未填报</source>
        <translation>%1: no value entered for this period</translation>
    </message>
    <message>
        <location filename="../../src/ui/check_texts.py" line="24"/>
        <source>%1：状态为滞后，须填写存在问题和下步打算</source>
        <translation>%1: behind schedule, so its problems and next steps must be described</translation>
    </message>
    <message>
        <location filename="../../src/ui/check_texts.py" line="25"/>
        <source>%1：本期累计 %2 低于上期累计 %3</source>
        <translation>%1: the total so far, %2, is below the previous period&apos;s %3</translation>
    </message>
    <message>
        <location filename="../../src/ui/check_texts.py" line="26"/>
        <source>%1：完成率 %2% 落后时间进度 %3% 超过 20 个百分点</source>
        <translation>%1: completion %2% is more than 20 points behind the time elapsed, %3%</translation>
    </message>
    <message>
        <location filename="../../src/ui/check_texts.py" line="27"/>
        <source>%1：完成率 %2% 超过目标的 150%</source>
        <translation>%1: completion %2% is more than 150% of the target</translation>
    </message>
    <message>
        <location filename="../../src/ui/check_texts.py" line="28"/>
        <source>%1：完成率 %2% 超前于时间进度 %3%</source>
        <translation>%1: completion %2% is ahead of the time elapsed, %3%</translation>
    </message>
    <message>
        <location filename="../../src/ui/check_texts.py" line="29"/>
        <source>%1：尚无本区县全年目标，完成率暂不计算</source>
        <translation>%1: no district target for the year yet, so completion is not computed</translation>
    </message>
</context>
<context>
    <name>ChecksDialog</name>
    <message>
        <location filename="../../src/ui/checks_dialog.py" line="26"/>
        <location filename="../../src/ui/checks_dialog.py" line="27"/>
        <source>本期检查</source>
        <translation>Checks for this period</translation>
    </message>
    <message>
        <location filename="../../src/ui/checks_dialog.py" line="29"/>
        <source>检查结果(&amp;L)：按回车转到相应的单元格或工作任务</source>
        <translation>Check &amp;list (press Enter to go to the cell or task):</translation>
    </message>
    <message>
        <location filename="../../src/ui/checks_dialog.py" line="31"/>
        <source>检查结果</source>
        <translation>Check list</translation>
    </message>
    <message>
        <location filename="../../src/ui/checks_dialog.py" line="35"/>
        <source>（已说明）</source>
        <translation> (explained)</translation>
    </message>
    <message>
        <location filename="../../src/ui/checks_dialog.py" line="40"/>
        <source>没有需要处理的问题</source>
        <translation>Nothing needs attention</translation>
    </message>
    <message>
        <location filename="../../src/ui/checks_dialog.py" line="53"/>
        <source>必须处理</source>
        <translation>Must fix</translation>
    </message>
    <message>
        <location filename="../../src/ui/checks_dialog.py" line="54"/>
        <source>需说明</source>
        <translation>Needs explanation</translation>
    </message>
    <message>
        <location filename="../../src/ui/checks_dialog.py" line="55"/>
        <source>提示</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>ChecksList</name>
    <message>
        <location filename="../../src/ui/overview_page.py" line="343"/>
        <source>程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="343"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="343"/>
        <source>说明</source>
        <translation>Explained</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="348"/>
        <source>必须处理</source>
        <translation>Must fix</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="349"/>
        <source>需说明</source>
        <translation>Needs explanation</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="350"/>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="359"/>
        <source>已说明</source>
        <translation>Explained</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="359"/>
        <source>未说明</source>
        <translation>Not explained</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="372"/>
        <source>按回车转到填写的位置</source>
        <translation>Press Enter to go where it is filled in</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="376"/>
        <source>没有需要处理的问题</source>
        <translation>Nothing needs attention</translation>
    </message>
</context>
<context>
    <name>CitySetupDialog</name>
    <message>
        <location filename="../../src/ui/city_setup_dialog.py" line="77"/>
        <source>进度 — 设置市残联</source>
        <translation>Jindu — set up the city office</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_setup_dialog.py" line="78"/>
        <source>设置市残联</source>
        <translation>Set up the city office</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_setup_dialog.py" line="80"/>
        <source>这个数据文件夹将用于市残联（城市模式）：分解下达计划，接收、验证和汇总区县报表。</source>
        <translation>This data folder will be the city office&apos;s (city mode): allocate and distribute the plan, receive, verify and consolidate the districts&apos; returns. </translation>
    </message>
    <message>
        <location filename="../../src/ui/city_setup_dialog.py" line="84"/>
        <source>市残联的计划包用签名密钥签发，请设置保护密钥的口令（至少 %1 个字符），并输入两次。口令遗忘后只能生成新密钥，各区县需重新核对市残联的证书指纹。</source>
        <translation>The city&apos;s plan packages are signed with its signing key: choose a passphrase to protect the key (at least %1 characters) and type it twice. A forgotten passphrase means a new key, whose fingerprint every district must check again.</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_setup_dialog.py" line="88"/>
        <source>单位名称(&amp;N)：</source>
        <translation>Office &amp;name:</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_setup_dialog.py" line="89"/>
        <source>口令(&amp;W)：</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_setup_dialog.py" line="90"/>
        <source>再次输入口令(&amp;A)：</source>
        <translation>Passphrase &amp;again:</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_setup_dialog.py" line="107"/>
        <source>请填写单位名称</source>
        <translation>Please enter the office&apos;s name</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_setup_dialog.py" line="121"/>
        <source>两次输入的口令不一致，请重新输入</source>
        <translation>The two passphrases differ; please type it again</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_setup_dialog.py" line="136"/>
        <source>无法设置市残联</source>
        <translation>Cannot set up the city office</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_setup_dialog.py" line="142"/>
        <source>已生成市残联签名密钥</source>
        <translation>City signing key created</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_setup_dialog.py" line="144"/>
        <source>市残联证书指纹：
%1

区县首次导入计划包时会显示这个指纹，请让区县核对。</source>
        <translation>The city certificate&apos;s fingerprint:
%1

Districts see this fingerprint when they first import a plan package; ask them to check it.</translation>
    </message>
</context>
<context>
    <name>CityWindow</name>
    <message>
        <location filename="../../src/ui/city_window.py" line="324"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="325"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="326"/>
        <source>导出(&amp;X)</source>
        <translation>E&amp;xport</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="327"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="333"/>
        <source>导入上报包(&amp;I)…</source>
        <translation>&amp;Import packages…</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="334"/>
        <source>导入文件夹中的上报包(&amp;D)…</source>
        <translation>Import packages from a fol&amp;der…</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="335"/>
        <source>登记区县证书(&amp;G)…</source>
        <translation>Re&amp;gister a district certificate…</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="336"/>
        <source>计划编辑器(&amp;E)…</source>
        <translation>Plan &amp;editor…</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="337"/>
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="338"/>
        <source>打开数据文件夹(&amp;O)</source>
        <translation>&amp;Open the data folder</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="339"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="340"/>
        <source>上一报告期(&amp;B)</source>
        <translation>Previous period (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="341"/>
        <source>下一报告期(&amp;N)</source>
        <translation>&amp;Next period</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="342"/>
        <source>重新读取(&amp;R)</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="343"/>
        <source>全市汇总报表（Excel 和 PDF）(&amp;R)…</source>
        <translation>City &amp;report (Excel and PDF)…</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="344"/>
        <source>DHIS2 JSON(&amp;J)…</source>
        <translation>DHIS2 &amp;JSON…</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="345"/>
        <source>ADX XML(&amp;X)…</source>
        <translation>AD&amp;X XML…</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="346"/>
        <source>导出任务分解表(&amp;E)…</source>
        <translation>&amp;Export the allocation workbook…</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="347"/>
        <source>导入任务分解表(&amp;I)…</source>
        <translation>&amp;Import the allocation workbook…</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="348"/>
        <source>签发计划包(&amp;S)…</source>
        <translation>&amp;Sign the plan package…</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="349"/>
        <source>键盘操作(&amp;K)</source>
        <translation>&amp;Keyboard</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="350"/>
        <source>关于进度(&amp;A)</source>
        <translation>&amp;About Jindu</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="358"/>
        <location filename="../../src/ui/city_window.py" line="359"/>
        <source>页面</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="360"/>
        <source>Ctrl+1 至 Ctrl+6 直接转到各页</source>
        <translation>Ctrl+1 to Ctrl+6 go straight to each page</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="361"/>
        <source>%1（市残联汇总）</source>
        <translation>%1 (city consolidation)</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="362"/>
        <source>本单位</source>
        <translation>This office</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="363"/>
        <source>报告期(&amp;P)：</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="364"/>
        <source>报告期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="366"/>
        <source>汇总、完整性、图表和导出都按所选报告期；Ctrl+PgUp/PgDn 切换</source>
        <translation>Summary, completeness, charts and exports follow the selected period; Ctrl+PgUp/PgDn to switch</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="378"/>
        <source>进度 — %1 — %2</source>
        <translation>Jindu — %1 — %2</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="386"/>
        <source>接收报表(&amp;1)</source>
        <translation>Receive (&amp;1)</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="387"/>
        <source>区县登记(&amp;2)</source>
        <translation>Districts (&amp;2)</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="388"/>
        <source>完整性(&amp;3)</source>
        <translation>Completeness (&amp;3)</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="389"/>
        <source>汇总(&amp;4)</source>
        <translation>Summary (&amp;4)</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="390"/>
        <source>图表(&amp;5)</source>
        <translation>Charts (&amp;5)</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="391"/>
        <source>导出(&amp;6)</source>
        <translation>Exports (&amp;6)</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="452"/>
        <location filename="../../src/ui/city_window.py" line="520"/>
        <source>时间进度 %1</source>
        <translation>Time elapsed %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="454"/>
        <source>报送截止：%1</source>
        <translation>Due: %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="461"/>
        <source>已登记 %1 个区县的证书（应报区县 %2 个）。</source>
        <translation>Certificates on record for %1 districts (%2 districts expected to report).</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="468"/>
        <source>注意：%1 的证书是首次接收其上报包时自动登记的（待核对）：请与区县电话核对指纹，或登记区县交来的证书文件。</source>
        <translation>Note: the certificates of %1 were pinned at their first package (to be checked): check the fingerprints with the districts by phone, or register the certificate files they hand in.</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="479"/>
        <source>%1（报送截止 %2，判断日 %3）：%4</source>
        <translation>%1 (due %2, as of %3): %4</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="485"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="486"/>
        <source>%1 %2 个</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="500"/>
        <source>%1：已报区县 %2 个，应报 %3 个；时间进度 %4；%5 个指标有区县滞后</source>
        <translation>%1: %2 of %3 districts reported; time elapsed %4; %5 indicators with districts behind</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="521"/>
        <source>滞后</source>
        <translation>Behind</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="524"/>
        <source>各部分完成率（该部分各指标全市完成率的平均值）</source>
        <translation>Completion by part (mean of the city completion of the part&apos;s indicators)</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="526"/>
        <location filename="../../src/ui/city_window.py" line="539"/>
        <source>无可计算的完成率</source>
        <translation>No completion to compute</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="534"/>
        <source>各区县平均完成率（该区县计数、金额类指标完成率的平均值）</source>
        <translation>Mean completion by district (mean over its count and amount indicators)</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="539"/>
        <source>未报</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="552"/>
        <source>选择上报包</source>
        <translation>Choose packages</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="554"/>
        <source>上报包 (%1);;所有文件 (*)</source>
        <translation>Packages (%1);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="561"/>
        <source>选择存放上报包的文件夹</source>
        <translation>Choose the folder holding the packages</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="603"/>
        <source>正在导入</source>
        <translation>Import running</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="604"/>
        <source>上一次导入还没有结束，请等它结束或取消后再导入。</source>
        <translation>The last import has not finished yet; wait for it or cancel it, then import again.</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="610"/>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="615"/>
        <source>没有上报包</source>
        <translation>No packages</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="616"/>
        <source>所选位置没有上报包（.zip 文件）：%1</source>
        <translation>No packages (.zip files) there: %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="630"/>
        <source>正在验证 %1 个上报包…</source>
        <translation>Verifying %1 packages…</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="647"/>
        <source>正在取消：当前上报包处理完后停止…</source>
        <translation>Cancelling: stopping after the package in hand…</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="660"/>
        <source>%1（%2/%3）</source>
        <translation>%1 (%2/%3)</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="685"/>
        <source>共 %1 个上报包：接收 %2 个，此前已接收 %3 个，拒收 %4 个。</source>
        <translation>%1 packages: %2 accepted, %3 already held, %4 refused.</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="693"/>
        <source>已取消：其余 %1 个未导入，可再次导入。</source>
        <translation> Cancelled: the other %1 were not imported; import them again when ready.</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="694"/>
        <source>导入已结束。</source>
        <translation>Import finished.</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="694"/>
        <source>导入已取消。</source>
        <translation>Import cancelled.</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="706"/>
        <source>导入未完成。</source>
        <translation>Import not finished.</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="708"/>
        <source>导入未完成</source>
        <translation>Import not finished</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="724"/>
        <source>选择区县证书文件</source>
        <translation>Choose the district&apos;s certificate file</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="726"/>
        <source>证书 (%1);;所有文件 (*)</source>
        <translation>Certificates (%1);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="735"/>
        <source>登记区县证书</source>
        <translation>Register a district certificate</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="746"/>
        <source>%1 已登记了另一张证书（指纹 %2）。

用新证书（指纹 %3）取代它吗？取代后，用旧密钥签发的上报包将被拒收。请先与区县电话核对新指纹。</source>
        <translation>%1 already has another certificate on record (fingerprint %2).

Replace it with the new certificate (fingerprint %3)? Packages signed with the old key will then be refused. Check the new fingerprint with the district by phone first.</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="761"/>
        <source>%1 的这张证书已经登记过，无变化。
指纹：%2</source>
        <translation>This certificate of %1 was already registered; nothing changed.
Fingerprint: %2</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="764"/>
        <source>已登记 %1 的新证书，取代原证书。
新指纹：%2
请确认已与区县电话核对新指纹。</source>
        <translation>Registered the new certificate of %1, replacing the old one.
New fingerprint: %2
Make sure the new fingerprint was checked with the district by phone.</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="767"/>
        <source>已登记 %1 的证书。
指纹：%2
请与区县电话核对此指纹。</source>
        <translation>Registered the certificate of %1.
Fingerprint: %2
Check this fingerprint with the district by phone.</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="827"/>
        <source>选择保存汇总报表的文件夹</source>
        <translation>Choose the folder for the city report</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="833"/>
        <source>导出全市汇总报表（%1）</source>
        <translation>Export the city report (%1)</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="849"/>
        <source>导出 %1</source>
        <translation>Export %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="856"/>
        <source>导出 %1（%2）</source>
        <translation>Export %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="866"/>
        <location filename="../../src/ui/city_window.py" line="873"/>
        <source>导出任务分解表</source>
        <translation>Export the allocation workbook</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="868"/>
        <location filename="../../src/ui/city_window.py" line="885"/>
        <source>Excel 工作簿 (%1)</source>
        <translation>Excel workbooks (%1)</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="883"/>
        <location filename="../../src/ui/city_window.py" line="904"/>
        <source>导入任务分解表</source>
        <translation>Import the allocation workbook</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="892"/>
        <source>已导入计划 %1 的任务分解表：%2 个目标，其中 %3 处有变化。</source>
        <translation>Imported the allocation workbook of plan %1: %2 targets, %3 of them changed.</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="899"/>
        <source>提醒：%1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="916"/>
        <source>签发计划包</source>
        <translation>Sign the plan package</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="918"/>
        <source>市残联还没有签名密钥，请先运行 jindu city setup。</source>
        <translation>The city office has no signing key yet; run jindu city setup first.</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="924"/>
        <source>计划包 (%1)</source>
        <translation>Plan packages (%1)</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="928"/>
        <source>市残联签名密钥的口令(&amp;W)：</source>
        <translation>Pass&amp;word of the city&apos;s signing key:</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="937"/>
        <source>计划包已签发：%1
市残联证书指纹：%2
区县首次导入时会显示这个指纹，请让区县核对。</source>
        <translation>Plan package signed: %1
City certificate fingerprint: %2
Districts see this fingerprint at their first import; ask them to check it.</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="990"/>
        <source>键盘操作</source>
        <translation>Keyboard</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="992"/>
        <source>Ctrl+1 至 Ctrl+6：接收报表、区县登记、完整性、汇总、图表、导出
Ctrl+O：导入上报包；Ctrl+D：导入文件夹中的上报包；也可把文件拖到窗口
Ctrl+G：登记区县证书
Ctrl+PgUp / Ctrl+PgDn：上一个 / 下一个报告期；F5：重新读取
Ctrl+Shift+R：导出全市汇总报表；Ctrl+Shift+J / X：DHIS2 JSON / ADX
Tab：在框之间移动；表格中用方向键，列标题可排序</source>
        <translation>Ctrl+1 to Ctrl+6: Receive, Districts, Completeness, Summary, Charts, Exports
Ctrl+O: import packages; Ctrl+D: import a folder of packages; or drag files onto the window
Ctrl+G: register a district certificate
Ctrl+PgUp / Ctrl+PgDn: previous / next period; F5: reload
Ctrl+Shift+R: export the city report; Ctrl+Shift+J / X: DHIS2 JSON / ADX
Tab: move between boxes; in tables use the arrow keys, column headers sort</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="1006"/>
        <source>关于进度</source>
        <translation>About Jindu</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="1007"/>
        <source>进度（Jindu）%1
市残联：接收、验证和汇总区县报表

数据文件夹：%2
日志：%3</source>
        <translation>Jindu %1
City office: receive, verify and consolidate the districts&apos; returns

Data folder: %2
Log: %3</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_window.py" line="1048"/>
        <source>不是市残联的数据文件夹</source>
        <translation>Not a city office&apos;s data folder</translation>
    </message>
</context>
<context>
    <name>CompletenessModel</name>
    <message>
        <location filename="../../src/ui/city_models.py" line="343"/>
        <source>区划代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="343"/>
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="374"/>
        <source>按时</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="375"/>
        <source>逾期</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="376"/>
        <source>未报</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="377"/>
        <source>未到期</source>
        <translation>Not due</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="383"/>
        <source>第 %1 版</source>
        <translation>(rev. %1)</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="412"/>
        <source>%1 %2：%3；报送截止 %4</source>
        <translation>%1 %2: %3; due %4</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="419"/>
        <source>；首次签发 %1</source>
        <translation>; first signed %1</translation>
    </message>
</context>
<context>
    <name>CompletenessPage</name>
    <message>
        <location filename="../../src/ui/city_pages.py" line="289"/>
        <source>按时：截止日前签发；逾期：截止日后签发（以第一次签发为准）；未报：已过截止日仍未收到；未到期：尚未到截止日。“第 N 版”是计入汇总的当前版次。当前报告期一列以粗体显示。</source>
        <translation>On time: signed by the due day; Late: signed after it (the first signature counts); Missing: not received after the due day; Not due: the due day has not come. “(rev. N)” is the revision counted in the summary. The selected period&apos;s column is in bold.</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="294"/>
        <source>报送情况(&amp;M)：</source>
        <translation>Completeness &amp;matrix:</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="295"/>
        <source>报送情况</source>
        <translation>Completeness matrix</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="297"/>
        <source>每行一个区县，每列一个报告期；方向键移动，列标题可排序</source>
        <translation>One row per district, one column per period; arrow keys move, column headers sort</translation>
    </message>
</context>
<context>
    <name>DistrictsPage</name>
    <message>
        <location filename="../../src/ui/city_pages.py" line="255"/>
        <source>区县交来证书文件（jindu key export-cert 导出）后在这里登记，并与区县电话核对指纹。未登记证书的区县，其第一个上报包的证书会被自动登记（标“待核对”）；此后用其他密钥签发的上报包一律拒收，直到在这里登记新证书。</source>
        <translation>Register here the certificate file a district hands in (made with jindu key export-cert), and check its fingerprint with the district by phone. A district without a registered certificate has the certificate of its first package pinned (marked “to be checked”); packages signed with any other key are then refused until a new certificate is registered here.</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="260"/>
        <source>登记区县证书(&amp;G)…</source>
        <translation>Re&amp;gister a district certificate…</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="261"/>
        <source>已登记的区县证书(&amp;L)：</source>
        <translation>Registered district certificates (&amp;L):</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="262"/>
        <source>已登记的区县证书</source>
        <translation>Registered district certificates</translation>
    </message>
</context>
<context>
    <name>EntryModel</name>
    <message>
        <location filename="../../src/ui/entry_model.py" line="196"/>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="197"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="198"/>
        <source>全年目标</source>
        <translation>Annual target</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="199"/>
        <source>上期累计</source>
        <translation>Previous total</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="200"/>
        <location filename="../../src/ui/entry_model.py" line="425"/>
        <source>本期累计</source>
        <translation>Total to date</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="201"/>
        <source>本期新增</source>
        <translation>This period</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="202"/>
        <source>完成率</source>
        <translation>Completion</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="203"/>
        <source>时间进度</source>
        <translation>Time elapsed</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="204"/>
        <source>进度状态</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="205"/>
        <location filename="../../src/ui/entry_model.py" line="425"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="210"/>
        <source>指标编号和名称</source>
        <translation>Indicator number and name</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="211"/>
        <source>计量单位</source>
        <translation>Unit of measure</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="212"/>
        <source>本区县全年目标（市残联分解下达或按通知录入）</source>
        <translation>The district&apos;s annual target (allocated by the city federation, or entered from its notice)</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="213"/>
        <source>本年度上一个有数值的报告期的累计数</source>
        <translation>Cumulative total of the latest earlier period of the year that has a value</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="214"/>
        <source>截至本期末累计完成数（可编辑）</source>
        <translation>Cumulative total completed by the end of this period (editable)</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="215"/>
        <source>本期累计减上期累计</source>
        <translation>Total to date minus the previous total</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="216"/>
        <source>本期累计 ÷ 全年目标</source>
        <translation>Total to date ÷ annual target</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="217"/>
        <source>本期末已过月数 ÷ 12</source>
        <translation>Months elapsed at the end of the period ÷ 12</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="218"/>
        <source>完成率与时间进度的比较</source>
        <translation>Completion compared with the time elapsed</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="219"/>
        <source>说明（可编辑）</source>
        <translation>Explanation (editable)</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="259"/>
        <location filename="../../src/ui/entry_model.py" line="263"/>
        <source>未保存：%1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="426"/>
        <source>已保存 %1 %2</source>
        <translation>Saved %1 %2</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="429"/>
        <source>；完成率落后时间进度，签发前须在备注或存在问题中说明</source>
        <translation>; completion trails the time elapsed: explain it in the note or under Problems before signing</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="443"/>
        <location filename="../../src/ui/entry_model.py" line="478"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="444"/>
        <location filename="../../src/ui/entry_model.py" line="479"/>
        <source>未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="455"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="457"/>
        <source>未下达</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="480"/>
        <source>滞后</source>
        <translation>Behind</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="481"/>
        <source>超前</source>
        <translation>Ahead</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="482"/>
        <source>正常</source>
        <translation>On track</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="490"/>
        <source>市目标：%1</source>
        <translation>City target: %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="492"/>
        <source>市残联分解下达</source>
        <translation>Allocated by the city federation</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="494"/>
        <source>按通知录入</source>
        <translation>Entered from the city&apos;s notice</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="499"/>
        <source>由 %1 ÷ %2 自动计算</source>
        <translation>Computed as %1 ÷ %2</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="504"/>
        <source>本期报表已锁定，不能修改</source>
        <translation>This period&apos;s return is locked and cannot be changed</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="506"/>
        <source>填“是”或完成日期（如 2018-05-20），未完成填“否”</source>
        <translation>Type 是 (yes) or the completion date (such as 2018-05-20); 否 (no) if not done</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="507"/>
        <source>截至本期末的累计数；可输入全角数字、1,000 或 1.2万</source>
        <translation>Cumulative total at the end of the period; full-width digits, 1,000 and 1.2万 are accepted</translation>
    </message>
</context>
<context>
    <name>EntryView</name>
    <message>
        <location filename="../../src/ui/entry_view.py" line="134"/>
        <location filename="../../src/ui/entry_view.py" line="158"/>
        <source>复制(&amp;C)</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="137"/>
        <location filename="../../src/ui/entry_view.py" line="159"/>
        <source>粘贴(&amp;P)</source>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="140"/>
        <location filename="../../src/ui/entry_view.py" line="160"/>
        <source>清除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="143"/>
        <location filename="../../src/ui/entry_view.py" line="161"/>
        <source>编辑单元格(&amp;E)</source>
        <translation>&amp;Edit cell</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="320"/>
        <source>粘贴的内容有 %1 格，超过上限 %2 格，未粘贴</source>
        <translation>The clipboard holds %1 cells, more than the limit of %2: nothing was pasted</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="349"/>
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="359"/>
        <source>有 %1 格超出可填写的范围，未粘贴</source>
        <translation>%1 cells fell outside the editable cells and were not pasted</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="377"/>
        <source>清除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="393"/>
        <source>%1：已保存 %2 格</source>
        <translation>%1: %2 cells saved</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="396"/>
        <source>，%1 格未保存（原因见单元格）</source>
        <translation>, %1 cells not saved (the reason is in each cell)</translation>
    </message>
</context>
<context>
    <name>ExportsPage</name>
    <message>
        <location filename="../../src/ui/city_pages.py" line="433"/>
        <source>全市汇总报表</source>
        <translation>City report</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="436"/>
        <source>所选报告期的全市汇总：Excel 和 PDF 两个文件，含全市合计、各区县完成率、图表、报送情况和滞后事项。</source>
        <translation>The city summary of the selected period: an Excel and a PDF file with the city totals, every district&apos;s completion, charts, completeness and the tasks behind schedule.</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="440"/>
        <source>导出汇总报表(&amp;R)…</source>
        <translation>Export the city &amp;report…</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="441"/>
        <source>交给 DHIS2 或其他系统</source>
        <translation>For DHIS2 or other systems</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="444"/>
        <source>所选报告期各区县的数据：DHIS2 dataValueSets JSON 或 IHE ADX XML，旁边另写一个 DHIS2 元数据文件（.metadata.json）。</source>
        <translation>The districts&apos; data of the selected period: DHIS2 dataValueSets JSON or IHE ADX XML, with a DHIS2 metadata file (.metadata.json) beside it.</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="448"/>
        <source>导出 DHIS2 JSON(&amp;J)…</source>
        <translation>Export DHIS2 &amp;JSON…</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="449"/>
        <source>导出 ADX XML(&amp;A)…</source>
        <translation>Export &amp;ADX XML…</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="450"/>
        <source>任务分解与计划下发</source>
        <translation>Allocation and plan distribution</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="453"/>
        <source>导出任务分解表（Excel），填好各区县的全年目标后导入（逐格检查，有错误则不导入）；再签发计划包发给区县（需要市残联签名密钥的口令）。</source>
        <translation>Export the allocation workbook (Excel), fill in each district&apos;s annual targets and import it (every cell is checked; nothing is imported if any is wrong); then sign the plan package for the districts (needs the passphrase of the city&apos;s signing key).</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="457"/>
        <source>导出任务分解表(&amp;E)…</source>
        <translation>&amp;Export the allocation workbook…</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="458"/>
        <source>导入任务分解表(&amp;I)…</source>
        <translation>&amp;Import the allocation workbook…</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="459"/>
        <source>签发计划包(&amp;S)…</source>
        <translation>&amp;Sign the plan package…</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="460"/>
        <source>本次已写出的文件(&amp;W)：</source>
        <translation>Files &amp;written in this session:</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="461"/>
        <source>本次已写出的文件</source>
        <translation>Files written in this session</translation>
    </message>
</context>
<context>
    <name>ImportResultModel</name>
    <message>
        <location filename="../../src/ui/city_models.py" line="139"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="140"/>
        <source>上报包</source>
        <translation>Package</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="141"/>
        <source>区县、报告期、版次</source>
        <translation>District, period, revision</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="142"/>
        <source>原因和说明</source>
        <translation>Reasons and notes</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="175"/>
        <source>接收</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="176"/>
        <source>此前已接收</source>
        <translation>Already held</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="177"/>
        <source>拒收</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="182"/>
        <source>（无法识别）</source>
        <translation>(not recognised)</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="184"/>
        <source>%1（%2） %3</source>
        <translation>%1 (%2) %3</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="190"/>
        <source>第 %1 版</source>
        <translation>(rev. %1)</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="194"/>
        <source>原因：%1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="195"/>
        <source>说明：%1</source>
        <translation>Note: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/ui/main_window.py" line="442"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="443"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="444"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="445"/>
        <source>报表(&amp;R)</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="446"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="451"/>
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="452"/>
        <source>打开数据文件夹(&amp;O)</source>
        <translation>&amp;Open data folder</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="453"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="454"/>
        <source>上一报告期(&amp;B)</source>
        <translation>Previous period (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="455"/>
        <source>下一报告期(&amp;N)</source>
        <translation>&amp;Next period</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="456"/>
        <source>重新读取(&amp;R)</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="457"/>
        <source>下一区域(&amp;A)</source>
        <translation>Next &amp;area</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="458"/>
        <source>上一区域(&amp;Z)</source>
        <translation>Previous area (&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="459"/>
        <source>填报(&amp;T)</source>
        <translation>En&amp;try page</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="460"/>
        <source>本期检查(&amp;C)…</source>
        <translation>&amp;Checks for this period…</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="461"/>
        <source>键盘操作(&amp;K)</source>
        <translation>&amp;Keyboard</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="462"/>
        <source>关于进度(&amp;A)</source>
        <translation>&amp;About Jindu</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="470"/>
        <source>%1残疾人联合会（%2）</source>
        <translation>%1 Disabled Persons&apos; Federation (%2)</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="474"/>
        <source>本单位</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="475"/>
        <source>报告期(&amp;P)：</source>
        <translation>Reporting &amp;period:</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="476"/>
        <source>报告期</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="478"/>
        <source>按计划的填报频率选择报告期；Ctrl+PgUp/PgDn 切换</source>
        <translation>Periods follow the plan&apos;s reporting frequency; Ctrl+PgUp/PgDn changes period</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="480"/>
        <source>工作任务(&amp;T)</source>
        <translation>&amp;Tasks</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="481"/>
        <source>工作任务</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="483"/>
        <source>计划的部分和工作任务，显示已填指标数和任务状态</source>
        <translation>The plan&apos;s parts and tasks, with the indicators filled in and each task&apos;s status</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="485"/>
        <source>部分 / 工作任务</source>
        <translation>Part / task</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="485"/>
        <source>已填</source>
        <translation>Filled</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="485"/>
        <location filename="../../src/ui/main_window.py" line="1168"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="486"/>
        <source>填报表(&amp;G)</source>
        <translation>Entry &amp;grid</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="487"/>
        <source>填报表</source>
        <translation>Entry grid</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="490"/>
        <location filename="../../src/ui/main_window.py" line="977"/>
        <source>回车下移，Tab 右移，F2 或直接输入开始编辑，Ctrl+V 粘贴，Ctrl+Z 撤销；Ctrl+Tab 离开表格</source>
        <translation>Enter moves down, Tab moves right, F2 or typing edits, Ctrl+V pastes, Ctrl+Z undoes; Ctrl+Tab leaves the grid</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="493"/>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="494"/>
        <source>任务内容(&amp;K)</source>
        <translation>Tas&amp;k text</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="495"/>
        <source>任务内容</source>
        <translation>Task text</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="496"/>
        <source>状态(&amp;S)：</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="497"/>
        <source>任务状态</source>
        <translation>Task status</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="499"/>
        <source>进展情况(&amp;J)</source>
        <translation>Progress (&amp;J)</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="499"/>
        <location filename="../../src/ui/main_window.py" line="1169"/>
        <source>进展情况</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="500"/>
        <source>存在问题(&amp;W)</source>
        <translation>Problems (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="500"/>
        <location filename="../../src/ui/main_window.py" line="1170"/>
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="501"/>
        <source>下步打算(&amp;N)</source>
        <translation>&amp;Next steps</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="501"/>
        <location filename="../../src/ui/main_window.py" line="1171"/>
        <source>下步打算</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="507"/>
        <source>离开此框或停止输入片刻后自动保存</source>
        <translation>Saved when you leave the box or stop typing for a moment</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="567"/>
        <source>撤销(&amp;U) %1</source>
        <translation>&amp;Undo %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="568"/>
        <source>重做(&amp;R) %1</source>
        <translation>&amp;Redo %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="572"/>
        <source>进度 — %1 — %2</source>
        <translation>Jindu — %1 — %2</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="580"/>
        <source>草稿</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="581"/>
        <source>已提交审核</source>
        <translation>submitted for review</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="582"/>
        <source>已签发</source>
        <translation>signed</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="589"/>
        <source>（未填）</source>
        <translation>(not filled)</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="626"/>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="629"/>
        <source>无指标</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="636"/>
        <source>已填 %1 个指标，共 %2 个</source>
        <translation>%1 of %2 indicators filled</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="655"/>
        <source>已填报 %1 项工作任务，共 %2 项</source>
        <translation>%1 of %2 tasks reported</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="662"/>
        <source>滞后 %1 项</source>
        <translation>%1 behind</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="696"/>
        <source>这一部分没有需要本区县填报的指标；请在下方填写工作任务的状态和说明。</source>
        <translation>This part has no indicators for your district to fill in; give each task its status and report below.</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="786"/>
        <source>报表：第 %1 版，%2</source>
        <translation>Return: revision %1, %2</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="794"/>
        <source>报送截止：%1</source>
        <translation>Due: %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="880"/>
        <source>工作任务 %1 的状态填写后不能清空，可改选其他状态</source>
        <translation>Task %1&apos;s status cannot be emptied once given; choose another status</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="922"/>
        <source>已保存 %1 %2</source>
        <translation>Saved %1 %2</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="947"/>
        <source>此列由程序计算，只能填写“本期累计”和“备注”</source>
        <translation>This column is computed; only Total to date and Note can be typed in</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="1068"/>
        <source>键盘操作</source>
        <translation>Keyboard</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="1070"/>
        <source>F6 / Shift+F6：在报告期、工作任务、填报表和任务说明之间切换
Alt+带下划线的字母：转到相应的框
填报表中：回车下移，Tab 右移，F2 或直接输入开始编辑，Esc 取消；
Ctrl+C 复制，Ctrl+V 粘贴（可从 Excel 或 WPS 复制一块），Delete 清除；
Ctrl+Tab 离开表格
Ctrl+Z 撤销，Ctrl+Y 重做（同时撤销数据库中的修改）
Ctrl+PgUp / Ctrl+PgDn：上一个 / 下一个报告期
F7：本期检查</source>
        <translation>F6 / Shift+F6: move between the period, the tasks, the grid and the task report
Alt+underlined letter: go to that box
In the grid: Enter moves down, Tab moves right, F2 or typing edits, Esc cancels;
Ctrl+C copies, Ctrl+V pastes (a block copied from Excel or WPS), Delete clears;
Ctrl+Tab leaves the grid
Ctrl+Z undoes, Ctrl+Y redoes (in the database too)
Ctrl+PgUp / Ctrl+PgDn: previous / next period
F7: checks for this period</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="1086"/>
        <source>关于进度</source>
        <translation>About Jindu</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="1087"/>
        <source>进度（Jindu）%1
区县残联工作要点推进情况填报

数据文件夹：%2
日志：%3</source>
        <translation>Jindu %1
Progress returns of the district disabled persons&apos; federations

Data folder: %2
Log: %3</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="1134"/>
        <source>有内容没能保存</source>
        <translation>Some work could not be saved</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="1136"/>
        <source>下面这些内容没能保存（原因见窗口下方的提示），关闭后会丢失：
%1

仍要关闭吗？</source>
        <translation>The following could not be saved (the reason is shown at the bottom of the window) and will be lost on closing:
%1

Close anyway?</translation>
    </message>
</context>
<context>
    <name>ObstaclesDialog</name>
    <message>
        <location filename="../../src/ui/return_actions.py" line="118"/>
        <source>还不能签发</source>
        <translation>Cannot sign yet</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="123"/>
        <source>%1的报表还不能签发：有 %2 项须先处理（必须处理的问题，或尚未说明的情况）。选中一项按回车，转到需要填写或说明的地方。</source>
        <translation>The return for %1 cannot be signed yet: %2 items must be dealt with first (problems that must be fixed, or situations not yet explained). Select one and press Enter to go where it is filled in or explained.</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="129"/>
        <source>须先处理的问题(&amp;L)：</source>
        <translation>To deal with first (&amp;L):</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="130"/>
        <source>须先处理的问题</source>
        <translation>To deal with first</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="97"/>
        <source>本单位</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="99"/>
        <source>选择本单位所在区县，并填写填表人、审核人、单位负责人和联系电话。</source>
        <translation>Choose your district and enter the clerk, the reviewer, the head of the office and a phone number.</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="103"/>
        <source>区县可输入名称、拼音首字母（如 yzq）或六位代码（如 500103）查找，用上下键选择。</source>
        <translation>Find the district by its name, its pinyin initials (such as yzq) or its six-digit code (such as 500103); choose with the arrow keys.</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="107"/>
        <source>区县(&amp;D)：</source>
        <translation>&amp;District:</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="107"/>
        <source>输入名称、拼音首字母或代码查找</source>
        <translation>Type a name, pinyin initials or a code</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="108"/>
        <source>填表人(&amp;C)：</source>
        <translation>&amp;Clerk:</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="109"/>
        <source>审核人(&amp;R)：</source>
        <translation>&amp;Reviewer:</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="110"/>
        <source>单位负责人(&amp;H)：</source>
        <translation>&amp;Head of office:</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="111"/>
        <source>联系电话(&amp;P)：</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="111"/>
        <location filename="../../src/ui/setup_wizard.py" line="112"/>
        <source>如 023-63651188</source>
        <translation>such as 023-63651188</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="126"/>
        <source>请选择本单位所在区县。</source>
        <translation>Please choose your district.</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../src/ui/overview_page.py" line="518"/>
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="76"/>
        <source>概览(&amp;O)</source>
        <translation>&amp;Overview</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="519"/>
        <source>概览标题</source>
        <translation>Overview title</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="520"/>
        <source>报表状态</source>
        <translation>Return state</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="521"/>
        <source>下一步</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="522"/>
        <source>各部分完成情况（时间过半、任务过半）(&amp;S)</source>
        <translation>Completion by part (half the year &amp;gone, half the work done?)</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="523"/>
        <source>各部分完成情况</source>
        <translation>Completion by part</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="525"/>
        <source>每个部分的平均完成率与时间进度的比较，以及工作任务的状态</source>
        <translation>Each part&apos;s average completion against the time elapsed, and the state of its tasks</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="529"/>
        <source>部分</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="530"/>
        <source>完成率 / 时间进度</source>
        <translation>Completion / time</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="531"/>
        <source>完成率</source>
        <translation>Completion</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="532"/>
        <source>时间进度</source>
        <translation>Time elapsed</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="533"/>
        <source>比较</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="534"/>
        <source>工作任务</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="539"/>
        <source>条形的实心部分是完成率（有目标的指标平均，每项最多计 100%），竖线是时间进度；数值和比较结果在右侧各列。</source>
        <translation>The filled part of a bar is the completion (the average of the indicators with a target, each counted up to 100%); the vertical line is the time elapsed. The numbers and the comparison are in the columns to the right.</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="543"/>
        <source>滞后的工作任务和指标(&amp;B)</source>
        <translation>Tasks and indicators &amp;behind schedule</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="544"/>
        <source>滞后的工作任务和指标</source>
        <translation>Tasks and indicators behind schedule</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="545"/>
        <source>按回车转到填写的位置</source>
        <translation>Press Enter to go where it is filled in</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="546"/>
        <source>工作任务或指标</source>
        <translation>Task or indicator</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="546"/>
        <source>情况</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="547"/>
        <source>本期检查(&amp;K)</source>
        <translation>Chec&amp;ks of the period</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="548"/>
        <source>本期检查</source>
        <translation>Checks of the period</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="549"/>
        <location filename="../../src/ui/overview_page.py" line="733"/>
        <source>按回车转到需要填写或说明的单元格或工作任务</source>
        <translation>Press Enter to go to the cell or task to fill in or explain</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="565"/>
        <source>%1 概览</source>
        <translation>%1 overview</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="572"/>
        <source>报表状态：%1（第 %2 版）</source>
        <translation>Return: %1 (revision %2)</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="577"/>
        <source>更正说明：%1</source>
        <translation>Reason for the correction: %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="579"/>
        <source>审核人退回意见：%1</source>
        <translation>Sent back by the reviewer: %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="582"/>
        <source>签发时间：%1；签名证书指纹：%2</source>
        <translation>Signed at %1; certificate fingerprint: %2</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="589"/>
        <source>以前的版次：%1</source>
        <translation>Earlier revisions: %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="592"/>
        <source>第 %1 版 %2</source>
        <translation>revision %1 %2</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="604"/>
        <source>本期报表已签发并锁定。如需修改，请用“报表 → 更正”开始新的版次。</source>
        <translation>This period&apos;s return is signed and locked. To change it, start a new revision with Reports → Correct.</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="606"/>
        <source>报表已提交审核：审核人可以签发，或写明意见后退回修改。</source>
        <translation>The return is with the reviewer, who can sign it, or send it back with a comment.</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="609"/>
        <source>还有 %1 项须先处理（下方“本期检查”中标为必须处理或未说明的），之后才能签发。</source>
        <translation>%1 items must be dealt with first (marked “Must fix” or “Not explained” under Checks below); then the return can be signed.</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="612"/>
        <source>没有妨碍签发的问题：可以提交审核，或直接签发（报表 → 签发）。</source>
        <translation>Nothing stops signing: submit the return for review, or sign it (Reports → Sign).</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="619"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="620"/>
        <source>推进中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="621"/>
        <source>滞后</source>
        <translation>Behind</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="622"/>
        <source>未启动</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="623"/>
        <source>未填</source>
        <translation>Not filled</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="628"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="633"/>
        <source>无可计算的指标</source>
        <translation>No indicator to measure</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="635"/>
        <source>不落后于时间进度</source>
        <translation>Not behind time</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="636"/>
        <source>落后 %1 个百分点</source>
        <translation>%1 points behind</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="642"/>
        <source>全部工作任务</source>
        <translation>All tasks</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="657"/>
        <source>%1：完成率 %2，时间进度 %3，%4；工作任务：%5</source>
        <translation>%1: completion %2, time elapsed %3, %4; tasks: %5</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="665"/>
        <source>；%1 个指标尚无本区县目标，未计入完成率</source>
        <translation>; %1 indicators have no district target yet and are not counted</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="691"/>
        <source>状态为滞后；已写明存在问题和下步打算</source>
        <translation>Behind; problems and next steps are written</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="693"/>
        <source>状态为滞后；须写明存在问题和下步打算</source>
        <translation>Behind; problems and next steps must be written</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="703"/>
        <source>完成率 %1，时间进度 %2</source>
        <translation>Completion %1, time elapsed %2</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="711"/>
        <source>没有滞后的工作任务或指标</source>
        <translation>No task or indicator is behind</translation>
    </message>
    <message>
        <location filename="../../src/ui/overview_page.py" line="725"/>
        <source>必须处理 %1 项，需说明 %2 项（其中未说明 %3 项），提示 %4 项。</source>
        <translation>Must fix: %1; needs explanation: %2 (not yet explained: %3); notes: %4.</translation>
    </message>
</context>
<context>
    <name>PagePrinter</name>
    <message>
        <location filename="../../src/ui/print_preview.py" line="83"/>
        <source>文件中没有可打印的页面。</source>
        <translation>The file has no page to print.</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="86"/>
        <source>无法开始打印：打印机没有准备好，或文件无法写入。</source>
        <translation>Cannot start printing: the printer is not ready, or the file cannot be written.</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="101"/>
        <source>已停止打印。</source>
        <translation>Printing stopped.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../src/ui/dialogs.py" line="212"/>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="180"/>
        <source>签名密钥口令</source>
        <translation>Signing key passphrase</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="181"/>
        <source>本单位的报表用签名密钥签发。请设置保护密钥的口令，并输入两次。</source>
        <translation>Your office&apos;s returns are signed with a signing key. Choose the passphrase that protects it, and type it twice.</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="184"/>
        <source>口令至少 %1 个字符。签发报表时需要输入口令；口令遗忘后只能生成新密钥，并重新向市残联登记证书。</source>
        <translation>At least %1 characters. Signing a return asks for it; a forgotten passphrase means a new key, registered with the city federation again.</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="188"/>
        <source>口令(&amp;W)：</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="189"/>
        <source>再次输入口令(&amp;A)：</source>
        <translation>Type it &amp;again:</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="209"/>
        <source>两次输入的口令不一致，请重新输入</source>
        <translation>The two passphrases differ; type it again</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <location filename="../../src/ui/period_texts.py" line="20"/>
        <source>%1年</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../src/ui/period_texts.py" line="22"/>
        <source>%1年上半年</source>
        <translation>first half of %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/period_texts.py" line="22"/>
        <source>%1年下半年</source>
        <translation>second half of %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/period_texts.py" line="26"/>
        <source>%1年第一季度</source>
        <translation>Q1 %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/period_texts.py" line="27"/>
        <source>%1年第二季度</source>
        <translation>Q2 %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/period_texts.py" line="28"/>
        <source>%1年第三季度</source>
        <translation>Q3 %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/period_texts.py" line="29"/>
        <source>%1年第四季度</source>
        <translation>Q4 %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/period_texts.py" line="32"/>
        <source>%1年%2月</source>
        <translation>%1-%2</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="481"/>
        <location filename="../../src/ui/plan_editor.py" line="668"/>
        <location filename="../../src/ui/plan_editor.py" line="1524"/>
        <source>计划编辑</source>
        <translation>Plan editor</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="483"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="484"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="485"/>
        <source>计划(&amp;P)</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="486"/>
        <source>编辑已安装的计划(&amp;L)</source>
        <translation>Edit an insta&amp;lled plan</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="487"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="489"/>
        <source>打开通知原文(&amp;O)…</source>
        <translation>&amp;Open notice…</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="490"/>
        <source>打开计划目录 JSON(&amp;J)…</source>
        <translation>Open catalogue &amp;JSON…</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="491"/>
        <source>保存计划目录 JSON(&amp;S)…</source>
        <translation>&amp;Save catalogue JSON…</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="492"/>
        <source>从工作簿导入(&amp;I)…</source>
        <translation>&amp;Import from workbook…</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="493"/>
        <source>导出为工作簿(&amp;X)…</source>
        <translation>E&amp;xport as workbook…</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="494"/>
        <source>关闭(&amp;C)</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="495"/>
        <source>添加部分(&amp;1)</source>
        <translation>Add section &amp;1</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="496"/>
        <source>添加工作任务(&amp;2)</source>
        <translation>Add task &amp;2</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="497"/>
        <source>添加指标(&amp;3)</source>
        <translation>Add indicator &amp;3</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="498"/>
        <source>删除所选(&amp;D)</source>
        <translation>&amp;Delete selected</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="499"/>
        <source>上移(&amp;U)</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="500"/>
        <source>下移(&amp;W)</source>
        <translation>Move do&amp;wn</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="501"/>
        <source>用原文中选中的文字作来源句(&amp;R)</source>
        <translation>Use the selected notice text as sou&amp;rce</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="502"/>
        <source>检查(&amp;K)</source>
        <translation>Chec&amp;k</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="503"/>
        <source>发布(&amp;P)…</source>
        <translation>&amp;Publish…</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="512"/>
        <source>计划结构(&amp;T)：</source>
        <translation>Plan s&amp;tructure:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="513"/>
        <source>计划结构</source>
        <translation>Plan structure</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="515"/>
        <source>部分、工作任务和指标；选中后在下方表单中修改，右侧显示通知原文中的句子</source>
        <translation>Sections, tasks and indicators; edit the selected one in the form below; its sentence is shown in the notice on the right</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="517"/>
        <source>提示</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="518"/>
        <source>表单标题</source>
        <translation>Form title</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="519"/>
        <source>表单提示</source>
        <translation>Form message</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="520"/>
        <source>在左侧选择计划、部分、工作任务或指标。</source>
        <translation>Select the plan, a section, a task or an indicator on the left.</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="521"/>
        <source>通知原文(&amp;X)：</source>
        <translation>Notice te&amp;xt:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="522"/>
        <source>通知原文</source>
        <translation>Notice text</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="524"/>
        <source>识别出的目标所在句子加底色和下划线，目标数字加粗</source>
        <translation>Sentences with a found target are tinted and underlined; the target itself is bold</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="527"/>
        <source>图例：识别出目标的句子加底色和下划线；目标数字加粗。选中指标即跳到它的句子。</source>
        <translation>Legend: sentences with a found target are tinted and underlined; the target itself is bold. Selecting an indicator jumps to its sentence.</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="529"/>
        <location filename="../../src/ui/plan_editor.py" line="531"/>
        <source>检查结果</source>
        <translation>Check results</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="530"/>
        <source>问题(&amp;B)：按回车或双击转到相应位置</source>
        <translation>Pro&amp;blems (Enter or double-click goes to the place):</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="533"/>
        <source>计划编号(&amp;I)：</source>
        <translation>Plan &amp;ID:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="534"/>
        <source>计划标题(&amp;L)：</source>
        <translation>Tit&amp;le:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="535"/>
        <source>发文单位(&amp;U)：</source>
        <translation>Iss&amp;uer:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="536"/>
        <source>发文日期(&amp;D)：</source>
        <translation>Issue &amp;date:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="537"/>
        <source>年度(&amp;Y)：</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="538"/>
        <source>报送频率(&amp;Q)：</source>
        <translation>Fre&amp;quency:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="539"/>
        <source>报送期限（期末后天数）(&amp;G)：</source>
        <translation>Due (days after the period) (&amp;G):</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="540"/>
        <source>草稿提示(&amp;H)：</source>
        <translation>Draft notes (&amp;H):</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="544"/>
        <source>表号：</source>
        <translation>Form number:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="545"/>
        <source>制表机关：</source>
        <translation>Compiled by:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="546"/>
        <source>批准机关：</source>
        <translation>Approved by:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="547"/>
        <source>批准文号：</source>
        <translation>Approval number:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="548"/>
        <source>有效期至：</source>
        <translation>Valid until:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="549"/>
        <source>说明：</source>
        <translation>Note on the markings:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="563"/>
        <source>每年</source>
        <translation>Yearly</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="564"/>
        <source>每半年</source>
        <translation>Half-yearly</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="565"/>
        <source>每季度</source>
        <translation>Quarterly</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="566"/>
        <source>每月</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="571"/>
        <source>序号(&amp;N)：</source>
        <translation>&amp;Number:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="572"/>
        <source>标题(&amp;L)：</source>
        <translation>Tit&amp;le:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="573"/>
        <source>正文(&amp;Z)：</source>
        <translation>Text (&amp;Z):</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="577"/>
        <source>指标名称(&amp;M)：</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="578"/>
        <source>类型(&amp;K)：</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="579"/>
        <source>单位(&amp;N)：</source>
        <translation>U&amp;nit:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="580"/>
        <source>目标(&amp;G)：</source>
        <translation>Tar&amp;get:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="581"/>
        <source>目标上限（区间）(&amp;A)：</source>
        <translation>Upper bound of a r&amp;ange:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="582"/>
        <source>比较(&amp;J)：</source>
        <translation>Comparator (&amp;J):</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="583"/>
        <source>填报层级(&amp;V)：</source>
        <translation>Reported by (le&amp;vel):</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="584"/>
        <source>适用区县(&amp;Q)：</source>
        <translation>Districts (&amp;Q):</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="585"/>
        <source>比率公式分子(&amp;Y)：</source>
        <translation>Rate numerator (&amp;Y):</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="586"/>
        <source>比率公式分母(&amp;D)：</source>
        <translation>Rate &amp;denominator:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="587"/>
        <source>来源句(&amp;S)：</source>
        <translation>&amp;Source sentence:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="588"/>
        <source>备注(&amp;O)：</source>
        <translation>N&amp;ote:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="591"/>
        <source>如 2000、1.2万、80%</source>
        <translation>e.g. 2000, 1.2万, 80%</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="592"/>
        <source>区间目标（如 5-8）的上限，否则留空</source>
        <translation>Upper bound of a range (such as 5-8); otherwise empty</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="593"/>
        <source>选择区县(&amp;C)…</source>
        <translation>&amp;Choose districts…</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="594"/>
        <source>选择区县</source>
        <translation>Choose districts</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="595"/>
        <source>用原文中选中的文字(&amp;W)</source>
        <translation>Use selected notice text (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="596"/>
        <source>用原文中选中的文字作来源句</source>
        <translation>Use the selected notice text as the source sentence</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="598"/>
        <source>计数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="599"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="600"/>
        <source>比率</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="601"/>
        <source>完成事项</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="606"/>
        <location filename="../../src/ui/plan_editor.py" line="992"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="607"/>
        <source>≥ 以上</source>
        <translation>≥ at least</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="608"/>
        <source>≤ 以下</source>
        <translation>≤ at most</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="613"/>
        <location filename="../../src/ui/plan_editor.py" line="833"/>
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="613"/>
        <location filename="../../src/ui/plan_editor.py" line="833"/>
        <source>市级</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="618"/>
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="619"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="620"/>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="621"/>
        <source>层级与区县</source>
        <translation>Level and districts</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="622"/>
        <source>核对</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="635"/>
        <source>（未命名计划）</source>
        <translation>(untitled plan)</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="637"/>
        <source>计划编辑 — %1</source>
        <translation>Plan editor — %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="654"/>
        <source>已载入：%1 个部分，%2 项工作任务，%3 个指标。</source>
        <translation>Loaded: %1 sections, %2 tasks, %3 indicators.</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="668"/>
        <source>当前目录有未保存或未发布的修改，放弃这些修改吗？</source>
        <translation>The catalogue has changes that are not saved or published. Discard them?</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="674"/>
        <location filename="../../src/ui/plan_editor.py" line="684"/>
        <source>打开通知原文</source>
        <translation>Open notice</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="674"/>
        <source>通知 (*.txt *.docx *.pdf)</source>
        <translation>Notices (*.txt *.docx *.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="685"/>
        <source>用这份通知重新生成草稿吗？选“否”只显示原文，保留当前目录。</source>
        <translation>Draft the catalogue again from this notice? &quot;No&quot; only shows the text and keeps the current catalogue.</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="694"/>
        <source>无法打开通知</source>
        <translation>Cannot open the notice</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="702"/>
        <source>打开计划目录</source>
        <translation>Open catalogue</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="702"/>
        <location filename="../../src/ui/plan_editor.py" line="751"/>
        <source>计划目录 (*.json)</source>
        <translation>Plan catalogues (*.json)</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="709"/>
        <source>无法打开计划目录</source>
        <translation>Cannot open the catalogue</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="720"/>
        <source>无法读取已安装的计划</source>
        <translation>Cannot read the installed plans</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="723"/>
        <source>（没有已安装的计划）</source>
        <translation>(no installed plans)</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="726"/>
        <source>%1（%2，%3 年，第 %4 版）</source>
        <translation>%1 (%2, %3, version %4)</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="741"/>
        <source>无法读取计划</source>
        <translation>Cannot read the plan</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="751"/>
        <source>保存计划目录</source>
        <translation>Save catalogue</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="758"/>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="763"/>
        <source>已保存到 %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="771"/>
        <source>导出为工作簿</source>
        <translation>Export as workbook</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="771"/>
        <location filename="../../src/ui/plan_editor.py" line="788"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="778"/>
        <source>无法导出</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="781"/>
        <source>已导出到 %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="788"/>
        <source>从工作簿导入</source>
        <translation>Import from workbook</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="796"/>
        <source>未导入</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="799"/>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="821"/>
        <source>计划</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="822"/>
        <source>（未命名）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="838"/>
        <source>待核 %1</source>
        <translation>check %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="838"/>
        <source>识别 %1</source>
        <translation>found %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="840"/>
        <source>（未命名指标）</source>
        <translation>(unnamed indicator)</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="840"/>
        <source>（无目标）</source>
        <translation>(no target)</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="937"/>
        <source>计划信息</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="947"/>
        <source>指标 %1</source>
        <translation>Indicator %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="955"/>
        <source>部分 %1</source>
        <translation>Section %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="955"/>
        <source>工作任务 %1</source>
        <translation>Task %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1009"/>
        <source>（市级指标由市残联填报）</source>
        <translation>(a city indicator, reported by the city office)</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1018"/>
        <source>（不由公式计算）</source>
        <translation>(not computed)</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1027"/>
        <source>草稿识别出的目标：「%1」</source>
        <translation>Target found by the draft: &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1029"/>
        <source>，置信度 %1</source>
        <translation>, confidence %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1031"/>
        <source>（较低，请核对）</source>
        <translation> (low, please check)</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1037"/>
        <source>未接受：</source>
        <translation>Not accepted: </translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1148"/>
        <source>等 %1 处</source>
        <translation> and more (%1 in all)</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1149"/>
        <source>编号已按位置重排：</source>
        <translation>IDs renumbered by position: </translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1152"/>
        <source>。注意：已发布计划的编号不能改变，发布为新版本时会被拒绝；新增内容请排在原有内容之后。</source>
        <translation>. Note: the IDs of a published plan cannot change; a new version like this will be refused. Put new entries after the existing ones.</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1162"/>
        <source>新部分</source>
        <translation>New section</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1165"/>
        <location filename="../../src/ui/plan_editor.py" line="1191"/>
        <source>新工作任务</source>
        <translation>New task</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1215"/>
        <source>删除%1？</source>
        <translation>Delete %1?</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1217"/>
        <source>其下的工作任务和指标也将一并删除。</source>
        <translation> Its tasks and indicators are deleted with it.</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1218"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1237"/>
        <source>已在最前或最后，不能再移动。</source>
        <translation>Already first or last; it cannot move further.</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1288"/>
        <source>没有通知原文。用“打开通知原文”载入 .txt、.docx 或 .pdf。</source>
        <translation>No notice text. Use &quot;Open notice&quot; to load a .txt, .docx or .pdf file.</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1375"/>
        <source>请先在右侧通知原文中选中此指标所在的句子。</source>
        <translation>First select the indicator&apos;s sentence in the notice on the right.</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1392"/>
        <source>没有发现问题，可以发布。</source>
        <translation>No problems found: ready to publish.</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1406"/>
        <source>检查完成：%1 处问题。</source>
        <translation>Check finished: %1 problems.</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1408"/>
        <source>检查完成：没有问题。</source>
        <translation>Check finished: no problems.</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1438"/>
        <source>无法发布</source>
        <translation>Cannot publish</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1468"/>
        <source>确认删除编号</source>
        <translation>Confirm removed IDs</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1475"/>
        <location filename="../../src/ui/plan_editor.py" line="1482"/>
        <source>未发布</source>
        <translation>Not published</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1476"/>
        <source>计划目录还有 %1 处问题，请按“检查结果”逐项修改后再发布。</source>
        <translation>The catalogue still has %1 problems; correct them from &quot;Check results&quot; before publishing.</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1489"/>
        <source>已发布《%1》（%2 第 %3 版），已安装到本数据库。目录文件：%4。</source>
        <translation>Published &quot;%1&quot; (%2, version %3) and installed it in this database. Catalogue file: %4.</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1495"/>
        <source>下一步：在任务分解表中分解区县目标，然后导出计划包下发区县。</source>
        <translation> Next: allocate the district targets in the allocation workbook, then export the plan package for the districts.</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1497"/>
        <source>已发布</source>
        <translation>Published</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_editor.py" line="1525"/>
        <source>当前目录有未保存或未发布的修改，关闭并放弃这些修改吗？</source>
        <translation>The catalogue has changes that are not saved or published. Close and discard them?</translation>
    </message>
</context>
<context>
    <name>PlanSwitcher</name>
    <message>
        <location filename="../../src/ui/plan_switcher.py" line="104"/>
        <source>计划(&amp;P)</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_switcher.py" line="110"/>
        <source>%1年《%2》（第 %3 版）</source>
        <translation>%1: %2 (version %3)</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_switcher.py" line="115"/>
        <source>改用这个计划填报（计划编号 %1）</source>
        <translation>Report against this plan (plan id %1)</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_switcher.py" line="116"/>
        <source>导入市残联计划包(&amp;I)…</source>
        <translation>&amp;Import a City Plan Package…</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_switcher.py" line="118"/>
        <source>安装市残联签发的计划包（.zip）：新年度的计划和下达本区县的全年目标</source>
        <translation>Install a plan package (.zip) signed by the city: a new year&apos;s plan and the district&apos;s targets for the year</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_switcher.py" line="120"/>
        <source>检查计划的新版本(&amp;N)…</source>
        <translation>Check for a &amp;newer plan version…</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_switcher.py" line="121"/>
        <source>程序附带了已安装计划的新版本时，询问是否安装</source>
        <translation>When the program carries a newer version of an installed plan, offer to install it</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_switcher.py" line="141"/>
        <source>选择市残联的计划包</source>
        <translation>Choose the city&apos;s plan package</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_switcher.py" line="143"/>
        <source>计划包 (*.zip)</source>
        <translation>Plan packages (*.zip)</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_switcher.py" line="147"/>
        <source>计划包未导入</source>
        <translation>Plan package not imported</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_switcher.py" line="155"/>
        <source>市残联更换了签名密钥？</source>
        <translation>Has the city changed its signing key?</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_switcher.py" line="157"/>
        <source>这个计划包的签名证书与本机登记的市残联证书不同。

本机登记的指纹：%1
计划包的指纹：%2

请打电话向市残联核对计划包的指纹。只有市残联确认更换了密钥时，才在下面输入核对过的新指纹（可带空格）；否则请取消，计划包不会导入。</source>
        <translation>This plan package is signed with another certificate than the city certificate recorded on this computer.

Recorded fingerprint: %1
The package&apos;s fingerprint: %2

Telephone the city and check the package&apos;s fingerprint. Only if the city confirms that it changed its key, type the fingerprint you checked below (spaces allowed); otherwise cancel, and the package is not imported.</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_switcher.py" line="173"/>
        <source>计划包已导入</source>
        <translation>Plan package imported</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_switcher.py" line="188"/>
        <location filename="../../src/ui/plan_switcher.py" line="193"/>
        <source>切换计划</source>
        <translation>Switch plan</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_switcher.py" line="194"/>
        <source>改用 %1 年的《%2》填报吗？
各计划已填的数据都保留，可以随时切换回来。</source>
        <translation>Report against the %1 plan, “%2”?
What was entered under each plan is kept; you can switch back at any time.</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_switcher.py" line="224"/>
        <location filename="../../src/ui/plan_switcher.py" line="242"/>
        <source>计划的新版本</source>
        <translation>Newer plan version</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_switcher.py" line="225"/>
        <source>已安装的计划都是最新版本。</source>
        <translation>The installed plans are up to date.</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_switcher.py" line="234"/>
        <source>《%1》第 %2 版（已安装第 %3 版）</source>
        <translation>“%1” version %2 (version %3 installed)</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_switcher.py" line="244"/>
        <source>程序附带了计划的新版本：
%1

现在安装并使用新版本吗？已填的数据都保留。选“否”则继续使用现在的版本，以后可从“计划”菜单安装。</source>
        <translation>The program carries a newer plan version:
%1

Install and use it now? Everything entered is kept. Choose “No” to keep the current version; you can install it later from the Plan menu.</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../src/ui/print_preview.py" line="245"/>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="249"/>
        <source>无法打开 PDF 文件：%1</source>
        <translation>Cannot open the PDF file: %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="251"/>
        <source>已签发的报表（与上报的 PDF 相同）：%1</source>
        <translation>Signed return (the same PDF as uploaded): %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="253"/>
        <source>草稿（未签发），每页标有“草稿”字样：%1</source>
        <translation>Draft (not signed), marked “草稿” on every page: %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="255"/>
        <source>预览的文件</source>
        <translation>Previewed file</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="256"/>
        <source>缩放(&amp;Z)：</source>
        <translation>&amp;Zoom:</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="257"/>
        <source>缩放</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="260"/>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="261"/>
        <source>整页</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="265"/>
        <source>报表(&amp;V)：</source>
        <translation>Return (&amp;V):</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="266"/>
        <source>报表预览</source>
        <translation>Return preview</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="267"/>
        <source>PgUp / PgDn 翻页，方向键滚动</source>
        <translation>PgUp / PgDn turn pages, arrow keys scroll</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="268"/>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="269"/>
        <location filename="../../src/ui/print_preview.py" line="270"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="271"/>
        <location filename="../../src/ui/print_preview.py" line="272"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="273"/>
        <source>打印进度(&amp;G)：</source>
        <translation>Printin&amp;g:</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="274"/>
        <source>打印进度</source>
        <translation>Printing progress</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="275"/>
        <source>停止打印(&amp;T)</source>
        <translation>S&amp;top printing</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="276"/>
        <source>停止打印</source>
        <translation>Stop printing</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="287"/>
        <source>第 %1 页，共 %2 页</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="331"/>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="346"/>
        <source>正在打印：第 %1 页，共 %2 页</source>
        <translation>Printing: page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="353"/>
        <source>已送往打印机：%1 页。</source>
        <translation>Sent to the printer: %1 pages.</translation>
    </message>
    <message>
        <location filename="../../src/ui/print_preview.py" line="358"/>
        <source>未打印完：%1</source>
        <translation>Not printed to the end: %1</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../src/ui/progress_dialog.py" line="108"/>
        <source>进度(&amp;G)：</source>
        <translation>Pro&amp;gress:</translation>
    </message>
    <message>
        <location filename="../../src/ui/progress_dialog.py" line="109"/>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../src/ui/progress_dialog.py" line="110"/>
        <source>当前步骤</source>
        <translation>Current step</translation>
    </message>
    <message>
        <location filename="../../src/ui/progress_dialog.py" line="111"/>
        <source>结果(&amp;R)：</source>
        <translation>&amp;Result:</translation>
    </message>
    <message>
        <location filename="../../src/ui/progress_dialog.py" line="112"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../src/ui/progress_dialog.py" line="113"/>
        <source>打开文件夹(&amp;O)</source>
        <translation>&amp;Open folder</translation>
    </message>
    <message>
        <location filename="../../src/ui/progress_dialog.py" line="114"/>
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../src/ui/progress_dialog.py" line="115"/>
        <source>取消(&amp;C)</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../src/ui/progress_dialog.py" line="116"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/ui/progress_dialog.py" line="117"/>
        <location filename="../../src/ui/progress_dialog.py" line="118"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/ui/progress_dialog.py" line="138"/>
        <source>正在准备…</source>
        <translation>Getting ready…</translation>
    </message>
    <message>
        <location filename="../../src/ui/progress_dialog.py" line="168"/>
        <source>已完成。</source>
        <translation>Done.</translation>
    </message>
    <message>
        <location filename="../../src/ui/progress_dialog.py" line="170"/>
        <source>已完成（取消前已经完成）。</source>
        <translation>Done (it had finished before the cancel).</translation>
    </message>
    <message>
        <location filename="../../src/ui/progress_dialog.py" line="179"/>
        <source>未完成：出现问题，见下方说明。</source>
        <translation>Not done: see the reason below.</translation>
    </message>
    <message>
        <location filename="../../src/ui/progress_dialog.py" line="184"/>
        <source>已取消。</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <location filename="../../src/ui/progress_dialog.py" line="212"/>
        <source>已写出 %1 个文件：</source>
        <translation>%1 files written:</translation>
    </message>
    <message>
        <location filename="../../src/ui/progress_dialog.py" line="224"/>
        <source>正在取消，当前步骤结束后停止…</source>
        <translation>Cancelling: stopping after the current step…</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <location filename="../../src/ui/plan_publish_dialog.py" line="50"/>
        <location filename="../../src/ui/plan_publish_dialog.py" line="51"/>
        <source>发布计划</source>
        <translation>Publish plan</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_publish_dialog.py" line="56"/>
        <source>发布为新计划(&amp;N)</source>
        <translation>Publish as a &amp;new plan</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_publish_dialog.py" line="56"/>
        <source>发布为已安装计划的新版本(&amp;V)</source>
        <translation>Publish as a new &amp;version of an installed plan</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_publish_dialog.py" line="60"/>
        <source>计划编号(&amp;I)：</source>
        <translation>Plan &amp;ID:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_publish_dialog.py" line="62"/>
        <source>计划编号</source>
        <translation>Plan ID</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_publish_dialog.py" line="68"/>
        <source>已安装的计划</source>
        <translation>Installed plan</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_publish_dialog.py" line="70"/>
        <source>%1（%2，%3 年，现为第 %4 版）</source>
        <translation>%1 (%2, %3, now version %4)</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_publish_dialog.py" line="74"/>
        <source>计划(&amp;P)：</source>
        <translation>&amp;Plan:</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_publish_dialog.py" line="78"/>
        <source>发布后设为当前使用的计划(&amp;C)</source>
        <translation>Make it the &amp;current plan after publishing</translation>
    </message>
    <message>
        <location filename="../../src/ui/plan_publish_dialog.py" line="83"/>
        <source>发布后计划安装到本数据库，可进行任务分解并导出计划包下发区县。新版本不能改变上一版已用过的编号。</source>
        <translation>Publishing installs the plan in this database, ready for allocation and a plan package for the districts. A new version cannot change IDs the previous version used.</translation>
    </message>
</context>
<context>
    <name>ReceivePage</name>
    <message>
        <location filename="../../src/ui/city_pages.py" line="162"/>
        <source>把区县上报包（.zip）或存放上报包的文件夹拖到本窗口，或用下面的按钮选择。每个上报包都逐一验证签名和内容；有问题的拒收并说明原因，不影响其他上报包；同一上报包再次导入只报告“此前已接收”。</source>
        <translation>Drag the districts&apos; packages (.zip) or a folder holding them onto this window, or choose them with the buttons below. Every package&apos;s signature and contents are verified; a package with a problem is refused with its reasons and does not affect the others; a package imported again is reported as “already held”.</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="167"/>
        <source>把上报包或文件夹拖放到这里</source>
        <translation>Drop packages or a folder here</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="168"/>
        <source>选择上报包(&amp;B)…</source>
        <translation>Choose packages (&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="169"/>
        <source>选择文件夹(&amp;D)…</source>
        <translation>Choose a fol&amp;der…</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="170"/>
        <source>进度(&amp;G)：</source>
        <translation>Pro&amp;gress:</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="171"/>
        <source>导入进度</source>
        <translation>Import progress</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="172"/>
        <source>取消导入(&amp;C)</source>
        <translation>&amp;Cancel the import</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="173"/>
        <source>导入结果摘要</source>
        <translation>Import summary</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="174"/>
        <source>导入结果(&amp;R)：</source>
        <translation>Import &amp;results:</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="175"/>
        <source>导入结果</source>
        <translation>Import results</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="177"/>
        <source>每个上报包一行：接收、此前已接收或拒收，以及原因；上下键选择，详情见下方</source>
        <translation>One row per package: accepted, already held or refused, with the reasons; up and down select, the details are below</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="179"/>
        <source>所选上报包的详情(&amp;E)：</source>
        <translation>D&amp;etails of the selected package:</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="180"/>
        <source>所选上报包的详情</source>
        <translation>Details of the selected package</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="201"/>
        <source>选择上面的一行，这里显示该上报包的全部原因和说明。</source>
        <translation>Select a row above to see all the package&apos;s reasons and notes here.</translation>
    </message>
</context>
<context>
    <name>RegisterCertDialog</name>
    <message>
        <location filename="../../src/ui/city_cert_dialog.py" line="73"/>
        <location filename="../../src/ui/city_cert_dialog.py" line="74"/>
        <source>登记区县证书</source>
        <translation>Register a district certificate</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_cert_dialog.py" line="77"/>
        <source>选择区县，再选择该区县用 jindu key export-cert 导出的证书文件。登记后显示证书指纹：请与区县电话核对。已登记过证书的区县，新证书将取代旧证书。</source>
        <translation>Choose the district, then the certificate file it exported with jindu key export-cert. Its fingerprint is shown once registered: check it with the district by phone. For a district with a certificate on record, the new certificate replaces the old one.</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_cert_dialog.py" line="81"/>
        <source>区县(&amp;D)：</source>
        <translation>&amp;District:</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_cert_dialog.py" line="81"/>
        <source>输入代码或名称可筛选</source>
        <translation>Type a code or a name to filter</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_cert_dialog.py" line="82"/>
        <source>证书文件(&amp;C)：</source>
        <translation>&amp;Certificate file:</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_cert_dialog.py" line="83"/>
        <source>浏览(&amp;B)…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_cert_dialog.py" line="84"/>
        <source>浏览证书文件</source>
        <translation>Browse for the certificate file</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_cert_dialog.py" line="110"/>
        <source>找不到区县“%1”：请从列表中选择，或输入名称、拼音首字母或代码</source>
        <translation>No district “%1”: choose one from the list, or type its name, pinyin initials or code</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_cert_dialog.py" line="114"/>
        <source>请选择区县</source>
        <translation>Please choose a district</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_cert_dialog.py" line="118"/>
        <source>请选择证书文件</source>
        <translation>Please choose a certificate file</translation>
    </message>
</context>
<context>
    <name>ReturnActions</name>
    <message>
        <location filename="../../src/ui/return_actions.py" line="208"/>
        <source>导出草稿(&amp;E)…</source>
        <translation>&amp;Export draft…</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="208"/>
        <source>把本期报表导出为 Excel 和 PDF</source>
        <translation>Export this period&apos;s return as Excel and PDF</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="210"/>
        <source>导入填好的表格(&amp;I)…</source>
        <translation>&amp;Import filled workbook…</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="211"/>
        <source>读入在 Excel 或 WPS 中填好的本期报表</source>
        <translation>Read in the return filled in Excel or WPS</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="213"/>
        <source>提交审核(&amp;U)…</source>
        <translation>S&amp;ubmit for review…</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="213"/>
        <source>交给审核人；退回前不能修改</source>
        <translation>Hand it to the reviewer; no changes until it is sent back</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="214"/>
        <source>退回(&amp;B)…</source>
        <translation>Send &amp;back…</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="214"/>
        <source>审核人写明意见，退回填表人修改</source>
        <translation>The reviewer sends it back to the clerk with a comment</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="215"/>
        <source>签发(&amp;S)…</source>
        <translation>&amp;Sign…</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="215"/>
        <source>检查、签名并锁定本期报表，写出上报文件</source>
        <translation>Check, sign and lock this period&apos;s return, and write the files to upload</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="216"/>
        <source>更正(&amp;O)…</source>
        <translation>C&amp;orrect…</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="216"/>
        <source>已签发的报表需要修改时，开始新的版次</source>
        <translation>Start a new revision when a signed return must change</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="217"/>
        <source>打印预览(&amp;P)…</source>
        <translation>&amp;Print preview…</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="217"/>
        <source>预览并打印本期报表</source>
        <translation>Preview and print this period&apos;s return</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="219"/>
        <source>核验文件(&amp;V)…</source>
        <translation>&amp;Verify files…</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="220"/>
        <source>核验上报包、PDF 或 Excel 报表的签名是否完好</source>
        <translation>Check that the signature of a package, PDF or Excel return is intact</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="346"/>
        <source>选择导出报表的文件夹</source>
        <translation>Choose the folder to export the return to</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="356"/>
        <source>导出%1的报表</source>
        <translation>Export the return for %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="367"/>
        <source>选择填好的报表</source>
        <translation>Choose the filled return</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="369"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="374"/>
        <source>读取并检查工作簿</source>
        <translation>Reading and checking the workbook</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="385"/>
        <source>工作簿与已保存的数据相同，没有需要导入的内容。</source>
        <translation>The workbook holds the same data as saved: nothing to import.</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="387"/>
        <source>已导入 %1 个指标、%2 项工作任务的修改。导入前已自动备份：%3</source>
        <translation>Imported the changes of %1 indicators and %2 tasks. A backup was made first: %3</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="401"/>
        <source>导入 %1</source>
        <translation>Import %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="410"/>
        <source>提交审核</source>
        <translation>Submit for review</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="415"/>
        <source>把%1的报表提交给审核人吗？
提交后，审核人退回之前不能再修改本期数据。</source>
        <translation>Submit the return for %1 to the reviewer?
After that, this period cannot be changed until the reviewer sends it back.</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="425"/>
        <source>%1的报表（第 %2 版）已提交审核</source>
        <translation>The return for %1 (revision %2) was submitted for review</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="435"/>
        <source>退回修改</source>
        <translation>Send back</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="439"/>
        <source>退回意见(&amp;M)：写明需要修改的地方（必填）</source>
        <translation>Co&amp;mment: what must be changed (required)</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="449"/>
        <source>%1的报表已退回修改：%2</source>
        <translation>The return for %1 was sent back: %2</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="466"/>
        <source>签发</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="473"/>
        <source>签发%1的报表（第 %2 版）。签发后本期报表锁定，修改须更正。
签名密钥的口令(&amp;W)：</source>
        <translation>Sign the return for %1 (revision %2). Once signed, the period is locked; changes need a correction.
Passphrase of the signing key (&amp;W):</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="480"/>
        <source>选择保存签发文件的文件夹</source>
        <translation>Choose the folder for the signed files</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="495"/>
        <source>报表已签发并锁定。请把上报包（.zip 文件）交给市残联。</source>
        <translation>The return is signed and locked. Send the package (the .zip file) to the city office.</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="500"/>
        <source>%1的报表已签发并锁定</source>
        <translation>The return for %1 is signed and locked</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="505"/>
        <source>签发%1的报表</source>
        <translation>Sign the return for %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="520"/>
        <source>%1还有下面这些内容没有保存（窗口中标有 ⚠ 或仍在输入框里）：
%2

报表只含已保存的数据。仍要继续吗？</source>
        <translation>%1 still shows the following, which is not saved (marked ⚠ in the window, or still in its box):
%2

The return holds only what is saved. Go on anyway?</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="540"/>
        <source>更正</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="544"/>
        <source>更正原因(&amp;M)：写明更正的内容和原因（必填，会印在新版次的报表上）</source>
        <translation>Reason (&amp;M): what is corrected and why (required; printed on the new revision)</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="554"/>
        <source>已开始%1报表的第 %2 版（草稿），可以修改了</source>
        <translation>Revision %2 of the return for %1 is open as a draft: it can be changed now</translation>
    </message>
    <message>
        <location filename="../../src/ui/return_actions.py" line="581"/>
        <source>准备%1报表的打印预览</source>
        <translation>Preparing the print preview of the return for %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="112"/>
        <location filename="../../src/ui/settings_dialog.py" line="113"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="114"/>
        <source>显示</source>
        <translation>Display</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="115"/>
        <source>字号(&amp;F)：</source>
        <translation>&amp;Font size:</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="116"/>
        <source>字号</source>
        <translation>Font size</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="117"/>
        <source>界面文字大小，相对于系统字号</source>
        <translation>Text size, relative to the system&apos;s</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="118"/>
        <source>高对比度(&amp;C)</source>
        <translation>High &amp;contrast</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="119"/>
        <source>高对比度</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="120"/>
        <source>界面语言(&amp;L)：</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="121"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="123"/>
        <source>切换后立即生效；报表和命令行始终为中文</source>
        <translation>Takes effect at once; returns and the command line stay in Chinese</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="125"/>
        <source>备份</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="126"/>
        <source>已有备份(&amp;K)（最新在前）：</source>
        <translation>Bac&amp;kups (newest first):</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="127"/>
        <source>已有备份</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="128"/>
        <source>立即备份(&amp;B)</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="129"/>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="130"/>
        <source>从所选备份恢复(&amp;R)…</source>
        <translation>&amp;Restore the selected backup…</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="131"/>
        <source>从所选备份恢复</source>
        <translation>Restore the selected backup</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="159"/>
        <source>手动</source>
        <translation>manual</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="160"/>
        <source>每日自动</source>
        <translation>daily</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="161"/>
        <source>升级前</source>
        <translation>before an upgrade</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="162"/>
        <source>恢复前</source>
        <translation>before a restore</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="174"/>
        <source>还没有备份</source>
        <translation>No backups yet</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="189"/>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="203"/>
        <source>已备份到 %1</source>
        <translation>Backed up to %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="208"/>
        <source>备份失败：%1</source>
        <translation>Backup failed: %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="209"/>
        <source>备份失败</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="219"/>
        <source>从备份恢复</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="221"/>
        <source>用 %1 的备份替换当前数据？
当前数据会先自动备份，恢复后可以再恢复回来。</source>
        <translation>Replace the current data with the backup of %1?
The current data is backed up first, so this can be undone by restoring again.</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="230"/>
        <source>恢复失败</source>
        <translation>Restore failed</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="238"/>
        <source>进度 — 首次设置</source>
        <translation>Jindu — first-time setup</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="239"/>
        <source>首次设置</source>
        <translation>First-time setup</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="281"/>
        <source>无法完成设置</source>
        <translation>Setup could not be completed</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="288"/>
        <source>设置完成</source>
        <translation>Setup complete</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="290"/>
        <source>已设置 %1，并生成签名密钥。
证书指纹：%2
请记下指纹，以便与市残联电话核对。</source>
        <translation>%1 is set up and its signing key made.
Certificate fingerprint: %2
Write the fingerprint down, to confirm it with the city federation by phone.</translation>
    </message>
</context>
<context>
    <name>Statuses</name>
    <message>
        <location filename="../../src/ui/status_texts.py" line="15"/>
        <source>未填</source>
        <translation>Not filled in</translation>
    </message>
    <message>
        <location filename="../../src/ui/status_texts.py" line="17"/>
        <source>未启动</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../src/ui/status_texts.py" line="18"/>
        <source>推进中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../src/ui/status_texts.py" line="19"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../src/ui/status_texts.py" line="20"/>
        <source>滞后</source>
        <translation>Behind</translation>
    </message>
</context>
<context>
    <name>SummaryModel</name>
    <message>
        <location filename="../../src/ui/city_models.py" line="451"/>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="452"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="453"/>
        <source>全市目标</source>
        <translation>City target</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="454"/>
        <source>全市累计</source>
        <translation>City total</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="455"/>
        <source>完成率</source>
        <translation>Completion</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="456"/>
        <source>已报/适用</source>
        <translation>Reported / applicable</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="457"/>
        <source>滞后区县</source>
        <translation>Districts behind</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="465"/>
        <source>%1（%2）：本期累计 / 完成率（对分解给该区县的全年目标）</source>
        <translation>%1 (%2): year-to-date value / completion (against the annual target allocated to it)</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="500"/>
        <source>%1 个区县已完成</source>
        <translation>%1 districts done</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="505"/>
        <source>按期完成</source>
        <translation>Done in time</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="514"/>
        <source>未填</source>
        <translation>Not filled in</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="516"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="516"/>
        <source>未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="522"/>
        <source>滞后</source>
        <translation>Behind</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="549"/>
        <source>不适用或未报</source>
        <translation>Not applicable or not reported</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="551"/>
        <source>%1，%2：%3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="558"/>
        <source>；全年目标 %1%2</source>
        <translation>; annual target %1%2</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_models.py" line="598"/>
        <source>%1 个区县滞后：%2</source>
        <translation>%1 districts behind: %2</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../src/ui/city_pages.py" line="341"/>
        <source>全市累计：各区县当前版次本期累计之和（比率按分子分母重新计算，完成类指标为已完成的区县数）。区县列：本期累计 / 完成率（对市里分解给该区县的全年目标）；%1滞后：完成率落后时间进度超过 20 个百分点。只列出本期已报的区县。</source>
        <translation>City total: the sum of the districts&apos; year-to-date values in their current revisions (rates recomputed from their parts; milestones count the districts done). District columns: year-to-date value / completion (against the annual target the city allocated to it); %1Behind: more than 20 points behind the time elapsed. Only the districts that reported this period are shown.</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="346"/>
        <source>全市汇总表(&amp;T)：</source>
        <translation>City summary &amp;table:</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="347"/>
        <source>全市汇总表</source>
        <translation>City summary table</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="349"/>
        <source>每行一个指标：全市目标、全市累计、完成率，然后各区县的数值和完成率</source>
        <translation>One row per indicator: city target, city total, completion, then each district&apos;s value and completion</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="351"/>
        <source>滞后的工作任务(&amp;B)：</source>
        <translation>Tasks &amp;behind schedule:</translation>
    </message>
    <message>
        <location filename="../../src/ui/city_pages.py" line="352"/>
        <source>滞后的工作任务</source>
        <translation>Tasks behind schedule</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="171"/>
        <source>核验文件</source>
        <translation>Verify files</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="176"/>
        <source>把上报包（.zip）、PDF 报表或 Excel 报表拖到这个窗口，或点“选择文件”。每个文件都检查签名和内容是否完好，并显示签名人的证书指纹，可以电话核对。</source>
        <translation>Drop packages (.zip), PDF returns or Excel returns on this window, or click “Choose files”. Each file&apos;s signature and content are checked, and the signer&apos;s certificate fingerprint is shown so that it can be confirmed by phone.</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="180"/>
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="181"/>
        <source>选择文件(&amp;F)…</source>
        <translation>Choose &amp;files…</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="182"/>
        <source>选择文件</source>
        <translation>Choose files</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="183"/>
        <source>清空列表(&amp;L)</source>
        <translation>C&amp;lear list</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="184"/>
        <source>清空列表</source>
        <translation>Clear list</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="185"/>
        <source>信任的证书（可不填）(&amp;T)：</source>
        <translation>&amp;Trusted certificate (optional):</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="186"/>
        <source>信任的证书</source>
        <translation>Trusted certificate</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="188"/>
        <source>填了证书文件时，只有由这张证书签名的文件才算通过</source>
        <translation>With a certificate file, only files signed with that certificate pass</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="190"/>
        <source>证书文件（.pem）的位置</source>
        <translation>Location of the certificate file (.pem)</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="191"/>
        <source>选择证书(&amp;C)…</source>
        <translation>Choose &amp;certificate…</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="192"/>
        <source>选择证书</source>
        <translation>Choose certificate</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="193"/>
        <source>核验结果(&amp;R)：</source>
        <translation>&amp;Results:</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="194"/>
        <source>核验结果</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="197"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="198"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="199"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="200"/>
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="201"/>
        <source>报告期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="202"/>
        <source>版次</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="203"/>
        <source>签名人证书指纹</source>
        <translation>Signer&apos;s certificate fingerprint</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="206"/>
        <source>详细情况(&amp;D)：</source>
        <translation>&amp;Details:</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="207"/>
        <source>详细情况</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="208"/>
        <source>进度(&amp;G)：</source>
        <translation>Pro&amp;gress:</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="209"/>
        <source>核验进度</source>
        <translation>Verification progress</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="210"/>
        <source>停止(&amp;S)</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="211"/>
        <source>停止核验</source>
        <translation>Stop verifying</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="212"/>
        <location filename="../../src/ui/verify_dialog.py" line="213"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="214"/>
        <source>核验小结</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="225"/>
        <source>上报包</source>
        <translation>Package</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="226"/>
        <source>PDF 报表</source>
        <translation>PDF return</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="227"/>
        <source>Excel 报表</source>
        <translation>Excel return</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="235"/>
        <source>选择要核验的文件</source>
        <translation>Choose the files to verify</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="237"/>
        <source>报表文件 (*.zip *.pdf *.xlsx);;所有文件 (*)</source>
        <translation>Return files (*.zip *.pdf *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="246"/>
        <source>选择信任的证书</source>
        <translation>Choose the trusted certificate</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="248"/>
        <source>证书 (*.pem *.crt *.cer);;所有文件 (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="289"/>
        <source>已停止核验：核验了 %1 个文件，共 %2 个。</source>
        <translation>Stopped: %1 of %2 files verified.</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="290"/>
        <source>「%1」不存在或不是文件，无法核验</source>
        <translation>“%1” does not exist or is not a file: it cannot be verified</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="291"/>
        <source>信任的证书文件「%1」不存在</source>
        <translation>The trusted certificate file “%1” does not exist</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="332"/>
        <source>正在核验…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="376"/>
        <source>通过：完好，签名有效</source>
        <translation>Passed: intact, signature valid</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="377"/>
        <source>未通过：%1 处问题</source>
        <translation>Refused: %1 problems</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="384"/>
        <location filename="../../src/ui/verify_dialog.py" line="434"/>
        <source>（无法确定）</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="411"/>
        <source>共 %1 个文件，%2 个未通过。</source>
        <translation>%1 files, %2 refused.</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="416"/>
        <source>共 %1 个文件，全部通过。</source>
        <translation>%1 files, all passed.</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="436"/>
        <source>文件：%1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="437"/>
        <source>结果：%1</source>
        <translation>Result: %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="441"/>
        <source>问题：</source>
        <translation>Problems:</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="444"/>
        <source>类型：%1</source>
        <translation>Kind: %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="445"/>
        <source>签名人证书指纹：%1</source>
        <translation>Signer&apos;s certificate fingerprint: %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="448"/>
        <source>区县：%1</source>
        <translation>District: %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="449"/>
        <source>报告期：%1</source>
        <translation>Period: %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="450"/>
        <source>版次：%1</source>
        <translation>Revision: %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/verify_dialog.py" line="455"/>
        <source>签发时间：%1</source>
        <translation>Signed at: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../src/ui/main.py" line="178"/>
        <source>程序出错</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../src/ui/main.py" line="179"/>
        <source>发生了意外错误：%1

已保存的数据不受影响。详细情况已记录在日志文件：
%2</source>
        <translation>An unexpected error occurred: %1

Saved data is not affected. The details are in the log file:
%2</translation>
    </message>
    <message>
        <location filename="../../src/ui/main.py" line="231"/>
        <source>（进程 %1，计算机 %2）</source>
        <translation> (process %1 on %2)</translation>
    </message>
    <message>
        <location filename="../../src/ui/main.py" line="236"/>
        <source>这个数据文件夹已经在另一个进度窗口中打开%1：
%2

请切换到已打开的窗口；同一数据文件夹同时只能打开一个窗口。</source>
        <translation>This data folder is already open in another Jindu window%1:
%2

Switch to that window: a data folder can be open in only one window at a time.</translation>
    </message>
    <message>
        <location filename="../../src/ui/main.py" line="272"/>
        <source>进度</source>
        <translation>Jindu</translation>
    </message>
    <message>
        <location filename="../../src/ui/main.py" line="276"/>
        <source>进度已在运行</source>
        <translation>Jindu is already running</translation>
    </message>
    <message>
        <location filename="../../src/ui/main.py" line="212"/>
        <location filename="../../src/ui/main.py" line="284"/>
        <location filename="../../src/ui/main.py" line="307"/>
        <source>无法打开数据</source>
        <translation>The data cannot be opened</translation>
    </message>
</context>
<context>
    <name>undo</name>
    <message>
        <location filename="../../src/ui/undo.py" line="102"/>
        <source>修改 %1 本期累计</source>
        <translation>change %1 total to date</translation>
    </message>
    <message>
        <location filename="../../src/ui/undo.py" line="114"/>
        <source>修改 %1 备注</source>
        <translation>change %1 note</translation>
    </message>
    <message>
        <location filename="../../src/ui/undo.py" line="126"/>
        <source>修改工作任务 %1</source>
        <translation>change task %1</translation>
    </message>
</context>
</TS>
