<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ChecksDialog</name>
    <message>
        <location filename="../../src/ui/main_window.py" line="143"/>
        <location filename="../../src/ui/main_window.py" line="144"/>
        <source>本期检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="146"/>
        <source>检查结果(&amp;L)：按回车转到相应的单元格或工作任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="148"/>
        <source>检查结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="152"/>
        <source>（已说明）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="157"/>
        <source>没有需要处理的问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="170"/>
        <source>必须处理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="171"/>
        <source>需说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="172"/>
        <source>提示</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryModel</name>
    <message>
        <location filename="../../src/ui/entry_model.py" line="177"/>
        <source>指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="178"/>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="179"/>
        <source>全年目标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="180"/>
        <source>上期累计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="181"/>
        <location filename="../../src/ui/entry_model.py" line="369"/>
        <source>本期累计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="182"/>
        <source>本期新增</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="183"/>
        <source>完成率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="184"/>
        <source>时间进度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="185"/>
        <source>进度状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="186"/>
        <location filename="../../src/ui/entry_model.py" line="369"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="191"/>
        <source>指标编号和名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="192"/>
        <source>计量单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="193"/>
        <source>本区县全年目标（市残联分解下达或按通知录入）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="194"/>
        <source>本年度上一个有数值的报告期的累计数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="195"/>
        <source>截至本期末累计完成数（可编辑）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="196"/>
        <source>本期累计减上期累计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="197"/>
        <source>本期累计 ÷ 全年目标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="198"/>
        <source>本期末已过月数 ÷ 12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="199"/>
        <source>完成率与时间进度的比较</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="200"/>
        <source>说明（可编辑）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="240"/>
        <location filename="../../src/ui/entry_model.py" line="244"/>
        <source>未保存：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="370"/>
        <source>已保存 %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="373"/>
        <source>；完成率落后时间进度，签发前须在备注或存在问题中说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="387"/>
        <location filename="../../src/ui/entry_model.py" line="422"/>
        <source>已完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="388"/>
        <location filename="../../src/ui/entry_model.py" line="423"/>
        <source>未完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="399"/>
        <source>完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="401"/>
        <source>未下达</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="424"/>
        <source>滞后</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="425"/>
        <source>超前</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="426"/>
        <source>正常</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="434"/>
        <source>市目标：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="436"/>
        <source>市残联分解下达</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="438"/>
        <source>按通知录入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="443"/>
        <source>由 %1 ÷ %2 自动计算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="448"/>
        <source>本期报表已锁定，不能修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="450"/>
        <source>填“是”或完成日期（如 2018-05-20），未完成填“否”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="451"/>
        <source>截至本期末的累计数；可输入全角数字、1,000 或 1.2万</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryView</name>
    <message>
        <location filename="../../src/ui/entry_view.py" line="133"/>
        <location filename="../../src/ui/entry_view.py" line="157"/>
        <source>复制(&amp;C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="136"/>
        <location filename="../../src/ui/entry_view.py" line="158"/>
        <source>粘贴(&amp;P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="139"/>
        <location filename="../../src/ui/entry_view.py" line="159"/>
        <source>清除(&amp;D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="142"/>
        <location filename="../../src/ui/entry_view.py" line="160"/>
        <source>编辑单元格(&amp;E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="308"/>
        <source>粘贴的内容有 %1 格，超过上限 %2 格，未粘贴</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="337"/>
        <source>粘贴</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="347"/>
        <source>有 %1 格超出可填写的范围，未粘贴</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="365"/>
        <source>清除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="381"/>
        <source>%1：已保存 %2 格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="384"/>
        <source>，%1 格未保存（原因见单元格）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/ui/main_window.py" line="507"/>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="508"/>
        <source>编辑(&amp;E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="509"/>
        <source>视图(&amp;V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="510"/>
        <source>报表(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="511"/>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="516"/>
        <source>设置(&amp;S)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="517"/>
        <source>打开数据文件夹(&amp;O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="518"/>
        <source>退出(&amp;X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="519"/>
        <source>上一报告期(&amp;B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="520"/>
        <source>下一报告期(&amp;N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="521"/>
        <source>重新读取(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="522"/>
        <source>下一区域(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="523"/>
        <source>上一区域(&amp;Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="524"/>
        <source>填报(&amp;T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="525"/>
        <source>本期检查(&amp;C)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="526"/>
        <source>键盘操作(&amp;K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="527"/>
        <source>关于进度(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="535"/>
        <source>%1残疾人联合会（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="539"/>
        <source>本单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="540"/>
        <source>报告期(&amp;P)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="541"/>
        <source>报告期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="543"/>
        <source>按计划的填报频率选择报告期；Ctrl+PgUp/PgDn 切换</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="545"/>
        <source>工作任务(&amp;T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="546"/>
        <source>工作任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="548"/>
        <source>计划的部分和工作任务，显示已填指标数和任务状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="550"/>
        <source>部分 / 工作任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="550"/>
        <source>已填</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="550"/>
        <location filename="../../src/ui/main_window.py" line="941"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="551"/>
        <source>填报表(&amp;G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="552"/>
        <source>填报表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="555"/>
        <location filename="../../src/ui/main_window.py" line="998"/>
        <source>回车下移，Tab 右移，F2 或直接输入开始编辑，Ctrl+V 粘贴，Ctrl+Z 撤销；Ctrl+Tab 离开表格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="558"/>
        <source>提示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="559"/>
        <source>任务内容(&amp;K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="560"/>
        <source>任务内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="561"/>
        <source>状态(&amp;S)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="562"/>
        <source>任务状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="564"/>
        <source>进展情况(&amp;J)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="564"/>
        <location filename="../../src/ui/main_window.py" line="942"/>
        <source>进展情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="565"/>
        <source>存在问题(&amp;W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="565"/>
        <location filename="../../src/ui/main_window.py" line="943"/>
        <source>存在问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="566"/>
        <source>下步打算(&amp;N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="566"/>
        <location filename="../../src/ui/main_window.py" line="944"/>
        <source>下步打算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="572"/>
        <source>离开此框或停止输入片刻后自动保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="594"/>
        <source>撤销(&amp;U) %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="595"/>
        <source>重做(&amp;R) %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="599"/>
        <source>进度 — %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="613"/>
        <source>草稿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="614"/>
        <source>已提交审核</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="615"/>
        <source>已签发</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="620"/>
        <source>未填</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="622"/>
        <source>未启动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="623"/>
        <source>推进中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="624"/>
        <source>已完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="625"/>
        <source>滞后</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="632"/>
        <source>（未填）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="668"/>
        <source>%1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="671"/>
        <source>无指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="678"/>
        <source>已填 %1 个指标，共 %2 个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="697"/>
        <source>已填报 %1 项工作任务，共 %2 项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="704"/>
        <source>滞后 %1 项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="817"/>
        <source>报表：第 %1 版，%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="825"/>
        <source>报送截止：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="906"/>
        <source>工作任务 %1 的状态填写后不能清空，可改选其他状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="947"/>
        <source>已保存 %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="971"/>
        <source>此列由程序计算，只能填写“本期累计”和“备注”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="1063"/>
        <source>键盘操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="1065"/>
        <source>F6 / Shift+F6：在报告期、工作任务、填报表和任务说明之间切换
Alt+带下划线的字母：转到相应的框
填报表中：回车下移，Tab 右移，F2 或直接输入开始编辑，Esc 取消；
Ctrl+C 复制，Ctrl+V 粘贴（可从 Excel 或 WPS 复制一块），Delete 清除；
Ctrl+Tab 离开表格
Ctrl+Z 撤销，Ctrl+Y 重做（同时撤销数据库中的修改）
Ctrl+PgUp / Ctrl+PgDn：上一个 / 下一个报告期
F7：本期检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="1081"/>
        <source>关于进度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="1082"/>
        <source>进度（Jindu）%1
区县残联工作要点推进情况填报

数据文件夹：%2
日志：%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="124"/>
        <source>本单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="126"/>
        <source>选择本单位所在区县，并填写填表人、审核人、单位负责人和联系电话。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="130"/>
        <source>区县可输入名称、拼音首字母（如 yzq）或六位代码（如 500103）查找，用上下键选择。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="134"/>
        <source>区县(&amp;D)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="134"/>
        <source>输入名称、拼音首字母或代码查找</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="135"/>
        <source>填表人(&amp;C)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="136"/>
        <source>审核人(&amp;R)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="137"/>
        <source>单位负责人(&amp;H)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="138"/>
        <source>联系电话(&amp;P)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="138"/>
        <location filename="../../src/ui/setup_wizard.py" line="139"/>
        <source>如 023-63651188</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="220"/>
        <source>签名密钥口令</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="221"/>
        <source>本单位的报表用签名密钥签发。请设置保护密钥的口令，并输入两次。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="224"/>
        <source>口令至少 %1 个字符。签发报表时需要输入口令；口令遗忘后只能生成新密钥，并重新向市残联登记证书。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="228"/>
        <source>口令(&amp;W)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="229"/>
        <source>再次输入口令(&amp;A)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="249"/>
        <source>两次输入的口令不一致，请重新输入</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="112"/>
        <location filename="../../src/ui/settings_dialog.py" line="113"/>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="114"/>
        <source>显示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="115"/>
        <source>字号(&amp;F)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="116"/>
        <source>字号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="117"/>
        <source>界面文字大小，相对于系统字号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="118"/>
        <source>高对比度(&amp;C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="119"/>
        <source>高对比度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="120"/>
        <source>界面语言(&amp;L)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="121"/>
        <source>界面语言</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="123"/>
        <source>切换后立即生效；报表和命令行始终为中文</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="125"/>
        <source>备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="126"/>
        <source>已有备份(&amp;K)（最新在前）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="127"/>
        <source>已有备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="128"/>
        <source>立即备份(&amp;B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="129"/>
        <source>立即备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="130"/>
        <source>从所选备份恢复(&amp;R)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="131"/>
        <source>从所选备份恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="159"/>
        <source>手动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="160"/>
        <source>每日自动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="161"/>
        <source>升级前</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="162"/>
        <source>恢复前</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="174"/>
        <source>还没有备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="189"/>
        <source>正在备份…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="203"/>
        <source>已备份到 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="208"/>
        <source>备份失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="209"/>
        <source>备份失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="219"/>
        <source>从备份恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="221"/>
        <source>用 %1 的备份替换当前数据？
当前数据会先自动备份，恢复后可以再恢复回来。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="230"/>
        <source>恢复失败</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="278"/>
        <source>进度 — 首次设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="279"/>
        <source>首次设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="305"/>
        <source>无法完成设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="316"/>
        <source>无法生成签名密钥</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="322"/>
        <source>设置完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="324"/>
        <source>已设置 %1，并生成签名密钥。
证书指纹：%2
请记下指纹，以便与市残联电话核对。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../src/ui/main.py" line="119"/>
        <source>程序出错</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main.py" line="120"/>
        <source>发生了意外错误：%1

已保存的数据不受影响。详细情况已记录在日志文件：
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main.py" line="145"/>
        <source>（进程 %1，计算机 %2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main.py" line="147"/>
        <source>这个数据文件夹已经在另一个进度窗口中打开%1：
%2

请切换到已打开的窗口；同一数据文件夹同时只能打开一个窗口。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main.py" line="183"/>
        <source>进度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main.py" line="187"/>
        <source>进度已在运行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/ui/main.py" line="195"/>
        <source>无法打开数据</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
