<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ChecksDialog</name>
    <message>
        <location filename="../../src/ui/main_window.py" line="143" />
        <location filename="../../src/ui/main_window.py" line="144" />
        <source>本期检查</source>
        <translation>Checks for this period</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="146" />
        <source>检查结果(&amp;L)：按回车转到相应的单元格或工作任务</source>
        <translation>Check &amp;list (press Enter to go to the cell or task):</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="148" />
        <source>检查结果</source>
        <translation>Check list</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="152" />
        <source>（已说明）</source>
        <translation> (explained)</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="157" />
        <source>没有需要处理的问题</source>
        <translation>Nothing needs attention</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="170" />
        <source>必须处理</source>
        <translation>Must fix</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="171" />
        <source>需说明</source>
        <translation>Needs explanation</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="172" />
        <source>提示</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>EntryModel</name>
    <message>
        <location filename="../../src/ui/entry_model.py" line="182" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="183" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="184" />
        <source>全年目标</source>
        <translation>Annual target</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="185" />
        <source>上期累计</source>
        <translation>Previous total</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="186" />
        <location filename="../../src/ui/entry_model.py" line="374" />
        <source>本期累计</source>
        <translation>Total to date</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="187" />
        <source>本期新增</source>
        <translation>This period</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="188" />
        <source>完成率</source>
        <translation>Completion</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="189" />
        <source>时间进度</source>
        <translation>Time elapsed</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="190" />
        <source>进度状态</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="191" />
        <location filename="../../src/ui/entry_model.py" line="374" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="196" />
        <source>指标编号和名称</source>
        <translation>Indicator number and name</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="197" />
        <source>计量单位</source>
        <translation>Unit of measure</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="198" />
        <source>本区县全年目标（市残联分解下达或按通知录入）</source>
        <translation>The district's annual target (allocated by the city federation, or entered from its notice)</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="199" />
        <source>本年度上一个有数值的报告期的累计数</source>
        <translation>Cumulative total of the latest earlier period of the year that has a value</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="200" />
        <source>截至本期末累计完成数（可编辑）</source>
        <translation>Cumulative total completed by the end of this period (editable)</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="201" />
        <source>本期累计减上期累计</source>
        <translation>Total to date minus the previous total</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="202" />
        <source>本期累计 ÷ 全年目标</source>
        <translation>Total to date ÷ annual target</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="203" />
        <source>本期末已过月数 ÷ 12</source>
        <translation>Months elapsed at the end of the period ÷ 12</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="204" />
        <source>完成率与时间进度的比较</source>
        <translation>Completion compared with the time elapsed</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="205" />
        <source>说明（可编辑）</source>
        <translation>Explanation (editable)</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="245" />
        <location filename="../../src/ui/entry_model.py" line="249" />
        <source>未保存：%1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="375" />
        <source>已保存 %1 %2</source>
        <translation>Saved %1 %2</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="378" />
        <source>；完成率落后时间进度，签发前须在备注或存在问题中说明</source>
        <translation>; completion trails the time elapsed: explain it in the note or under Problems before signing</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="392" />
        <location filename="../../src/ui/entry_model.py" line="427" />
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="393" />
        <location filename="../../src/ui/entry_model.py" line="428" />
        <source>未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="404" />
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="406" />
        <source>未下达</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="429" />
        <source>滞后</source>
        <translation>Behind</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="430" />
        <source>超前</source>
        <translation>Ahead</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="431" />
        <source>正常</source>
        <translation>On track</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="439" />
        <source>市目标：%1</source>
        <translation>City target: %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="441" />
        <source>市残联分解下达</source>
        <translation>Allocated by the city federation</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="443" />
        <source>按通知录入</source>
        <translation>Entered from the city's notice</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="448" />
        <source>由 %1 ÷ %2 自动计算</source>
        <translation>Computed as %1 ÷ %2</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="453" />
        <source>本期报表已锁定，不能修改</source>
        <translation>This period's return is locked and cannot be changed</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="455" />
        <source>填“是”或完成日期（如 2018-05-20），未完成填“否”</source>
        <translation>Type 是 (yes) or the completion date (such as 2018-05-20); 否 (no) if not done</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_model.py" line="456" />
        <source>截至本期末的累计数；可输入全角数字、1,000 或 1.2万</source>
        <translation>Cumulative total at the end of the period; full-width digits, 1,000 and 1.2万 are accepted</translation>
    </message>
</context>
<context>
    <name>EntryView</name>
    <message>
        <location filename="../../src/ui/entry_view.py" line="134" />
        <location filename="../../src/ui/entry_view.py" line="158" />
        <source>复制(&amp;C)</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="137" />
        <location filename="../../src/ui/entry_view.py" line="159" />
        <source>粘贴(&amp;P)</source>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="140" />
        <location filename="../../src/ui/entry_view.py" line="160" />
        <source>清除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="143" />
        <location filename="../../src/ui/entry_view.py" line="161" />
        <source>编辑单元格(&amp;E)</source>
        <translation>&amp;Edit cell</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="319" />
        <source>粘贴的内容有 %1 格，超过上限 %2 格，未粘贴</source>
        <translation>The clipboard holds %1 cells, more than the limit of %2: nothing was pasted</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="348" />
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="358" />
        <source>有 %1 格超出可填写的范围，未粘贴</source>
        <translation>%1 cells fell outside the editable cells and were not pasted</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="376" />
        <source>清除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="392" />
        <source>%1：已保存 %2 格</source>
        <translation>%1: %2 cells saved</translation>
    </message>
    <message>
        <location filename="../../src/ui/entry_view.py" line="395" />
        <source>，%1 格未保存（原因见单元格）</source>
        <translation>, %1 cells not saved (the reason is in each cell)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/ui/main_window.py" line="511" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="512" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="513" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="514" />
        <source>报表(&amp;R)</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="515" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="520" />
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="521" />
        <source>打开数据文件夹(&amp;O)</source>
        <translation>&amp;Open data folder</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="522" />
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="523" />
        <source>上一报告期(&amp;B)</source>
        <translation>Previous period (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="524" />
        <source>下一报告期(&amp;N)</source>
        <translation>&amp;Next period</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="525" />
        <source>重新读取(&amp;R)</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="526" />
        <source>下一区域(&amp;A)</source>
        <translation>Next &amp;area</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="527" />
        <source>上一区域(&amp;Z)</source>
        <translation>Previous area (&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="528" />
        <source>填报(&amp;T)</source>
        <translation>En&amp;try page</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="529" />
        <source>本期检查(&amp;C)…</source>
        <translation>&amp;Checks for this period…</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="530" />
        <source>键盘操作(&amp;K)</source>
        <translation>&amp;Keyboard</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="531" />
        <source>关于进度(&amp;A)</source>
        <translation>&amp;About Jindu</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="539" />
        <source>%1残疾人联合会（%2）</source>
        <translation>%1 Disabled Persons' Federation (%2)</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="543" />
        <source>本单位</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="544" />
        <source>报告期(&amp;P)：</source>
        <translation>Reporting &amp;period:</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="545" />
        <source>报告期</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="547" />
        <source>按计划的填报频率选择报告期；Ctrl+PgUp/PgDn 切换</source>
        <translation>Periods follow the plan's reporting frequency; Ctrl+PgUp/PgDn changes period</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="549" />
        <source>工作任务(&amp;T)</source>
        <translation>&amp;Tasks</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="550" />
        <source>工作任务</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="552" />
        <source>计划的部分和工作任务，显示已填指标数和任务状态</source>
        <translation>The plan's parts and tasks, with the indicators filled in and each task's status</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="554" />
        <source>部分 / 工作任务</source>
        <translation>Part / task</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="554" />
        <source>已填</source>
        <translation>Filled</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="554" />
        <location filename="../../src/ui/main_window.py" line="976" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="555" />
        <source>填报表(&amp;G)</source>
        <translation>Entry &amp;grid</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="556" />
        <source>填报表</source>
        <translation>Entry grid</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="559" />
        <location filename="../../src/ui/main_window.py" line="1033" />
        <source>回车下移，Tab 右移，F2 或直接输入开始编辑，Ctrl+V 粘贴，Ctrl+Z 撤销；Ctrl+Tab 离开表格</source>
        <translation>Enter moves down, Tab moves right, F2 or typing edits, Ctrl+V pastes, Ctrl+Z undoes; Ctrl+Tab leaves the grid</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="562" />
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="563" />
        <source>任务内容(&amp;K)</source>
        <translation>Tas&amp;k text</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="564" />
        <source>任务内容</source>
        <translation>Task text</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="565" />
        <source>状态(&amp;S)：</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="566" />
        <source>任务状态</source>
        <translation>Task status</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="568" />
        <source>进展情况(&amp;J)</source>
        <translation>Progress (&amp;J)</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="568" />
        <location filename="../../src/ui/main_window.py" line="977" />
        <source>进展情况</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="569" />
        <source>存在问题(&amp;W)</source>
        <translation>Problems (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="569" />
        <location filename="../../src/ui/main_window.py" line="978" />
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="570" />
        <source>下步打算(&amp;N)</source>
        <translation>&amp;Next steps</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="570" />
        <location filename="../../src/ui/main_window.py" line="979" />
        <source>下步打算</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="576" />
        <source>离开此框或停止输入片刻后自动保存</source>
        <translation>Saved when you leave the box or stop typing for a moment</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="622" />
        <source>撤销(&amp;U) %1</source>
        <translation>&amp;Undo %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="623" />
        <source>重做(&amp;R) %1</source>
        <translation>&amp;Redo %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="627" />
        <source>进度 — %1 — %2</source>
        <translation>Jindu — %1 — %2</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="641" />
        <source>草稿</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="642" />
        <source>已提交审核</source>
        <translation>submitted for review</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="643" />
        <source>已签发</source>
        <translation>signed</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="648" />
        <source>未填</source>
        <translation>Not filled</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="650" />
        <source>未启动</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="651" />
        <source>推进中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="652" />
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="653" />
        <source>滞后</source>
        <translation>Behind</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="660" />
        <source>（未填）</source>
        <translation>(not filled)</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="696" />
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="699" />
        <source>无指标</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="706" />
        <source>已填 %1 个指标，共 %2 个</source>
        <translation>%1 of %2 indicators filled</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="725" />
        <source>已填报 %1 项工作任务，共 %2 项</source>
        <translation>%1 of %2 tasks reported</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="732" />
        <source>滞后 %1 项</source>
        <translation>%1 behind</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="766" />
        <source>这一部分没有需要本区县填报的指标；请在下方填写工作任务的状态和说明。</source>
        <translation>This part has no indicators for your district to fill in; give each task its status and report below.</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="852" />
        <source>报表：第 %1 版，%2</source>
        <translation>Return: revision %1, %2</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="860" />
        <source>报送截止：%1</source>
        <translation>Due: %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="941" />
        <source>工作任务 %1 的状态填写后不能清空，可改选其他状态</source>
        <translation>Task %1's status cannot be emptied once given; choose another status</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="982" />
        <source>已保存 %1 %2</source>
        <translation>Saved %1 %2</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="1006" />
        <source>此列由程序计算，只能填写“本期累计”和“备注”</source>
        <translation>This column is computed; only Total to date and Note can be typed in</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="1098" />
        <source>键盘操作</source>
        <translation>Keyboard</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="1100" />
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
        <location filename="../../src/ui/main_window.py" line="1116" />
        <source>关于进度</source>
        <translation>About Jindu</translation>
    </message>
    <message>
        <location filename="../../src/ui/main_window.py" line="1117" />
        <source>进度（Jindu）%1
区县残联工作要点推进情况填报

数据文件夹：%2
日志：%3</source>
        <translation>Jindu %1
Progress returns of the district disabled persons' federations

Data folder: %2
Log: %3</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="124" />
        <source>本单位</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="126" />
        <source>选择本单位所在区县，并填写填表人、审核人、单位负责人和联系电话。</source>
        <translation>Choose your district and enter the clerk, the reviewer, the head of the office and a phone number.</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="130" />
        <source>区县可输入名称、拼音首字母（如 yzq）或六位代码（如 500103）查找，用上下键选择。</source>
        <translation>Find the district by its name, its pinyin initials (such as yzq) or its six-digit code (such as 500103); choose with the arrow keys.</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="134" />
        <source>区县(&amp;D)：</source>
        <translation>&amp;District:</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="134" />
        <source>输入名称、拼音首字母或代码查找</source>
        <translation>Type a name, pinyin initials or a code</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="135" />
        <source>填表人(&amp;C)：</source>
        <translation>&amp;Clerk:</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="136" />
        <source>审核人(&amp;R)：</source>
        <translation>&amp;Reviewer:</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="137" />
        <source>单位负责人(&amp;H)：</source>
        <translation>&amp;Head of office:</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="138" />
        <source>联系电话(&amp;P)：</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="138" />
        <location filename="../../src/ui/setup_wizard.py" line="139" />
        <source>如 023-63651188</source>
        <translation>such as 023-63651188</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="220" />
        <source>签名密钥口令</source>
        <translation>Signing key passphrase</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="221" />
        <source>本单位的报表用签名密钥签发。请设置保护密钥的口令，并输入两次。</source>
        <translation>Your office's returns are signed with a signing key. Choose the passphrase that protects it, and type it twice.</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="224" />
        <source>口令至少 %1 个字符。签发报表时需要输入口令；口令遗忘后只能生成新密钥，并重新向市残联登记证书。</source>
        <translation>At least %1 characters. Signing a return asks for it; a forgotten passphrase means a new key, registered with the city federation again.</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="228" />
        <source>口令(&amp;W)：</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="229" />
        <source>再次输入口令(&amp;A)：</source>
        <translation>Type it &amp;again:</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="249" />
        <source>两次输入的口令不一致，请重新输入</source>
        <translation>The two passphrases differ; type it again</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="112" />
        <location filename="../../src/ui/settings_dialog.py" line="113" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="114" />
        <source>显示</source>
        <translation>Display</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="115" />
        <source>字号(&amp;F)：</source>
        <translation>&amp;Font size:</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="116" />
        <source>字号</source>
        <translation>Font size</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="117" />
        <source>界面文字大小，相对于系统字号</source>
        <translation>Text size, relative to the system's</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="118" />
        <source>高对比度(&amp;C)</source>
        <translation>High &amp;contrast</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="119" />
        <source>高对比度</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="120" />
        <source>界面语言(&amp;L)：</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="121" />
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="123" />
        <source>切换后立即生效；报表和命令行始终为中文</source>
        <translation>Takes effect at once; returns and the command line stay in Chinese</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="125" />
        <source>备份</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="126" />
        <source>已有备份(&amp;K)（最新在前）：</source>
        <translation>Bac&amp;kups (newest first):</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="127" />
        <source>已有备份</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="128" />
        <source>立即备份(&amp;B)</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="129" />
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="130" />
        <source>从所选备份恢复(&amp;R)…</source>
        <translation>&amp;Restore the selected backup…</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="131" />
        <source>从所选备份恢复</source>
        <translation>Restore the selected backup</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="159" />
        <source>手动</source>
        <translation>manual</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="160" />
        <source>每日自动</source>
        <translation>daily</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="161" />
        <source>升级前</source>
        <translation>before an upgrade</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="162" />
        <source>恢复前</source>
        <translation>before a restore</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="174" />
        <source>还没有备份</source>
        <translation>No backups yet</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="189" />
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="203" />
        <source>已备份到 %1</source>
        <translation>Backed up to %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="208" />
        <source>备份失败：%1</source>
        <translation>Backup failed: %1</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="209" />
        <source>备份失败</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="219" />
        <source>从备份恢复</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="221" />
        <source>用 %1 的备份替换当前数据？
当前数据会先自动备份，恢复后可以再恢复回来。</source>
        <translation>Replace the current data with the backup of %1?
The current data is backed up first, so this can be undone by restoring again.</translation>
    </message>
    <message>
        <location filename="../../src/ui/settings_dialog.py" line="230" />
        <source>恢复失败</source>
        <translation>Restore failed</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="278" />
        <source>进度 — 首次设置</source>
        <translation>Jindu — first-time setup</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="279" />
        <source>首次设置</source>
        <translation>First-time setup</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="305" />
        <source>无法完成设置</source>
        <translation>Setup could not be completed</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="316" />
        <source>无法生成签名密钥</source>
        <translation>The signing key could not be made</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="322" />
        <source>设置完成</source>
        <translation>Setup complete</translation>
    </message>
    <message>
        <location filename="../../src/ui/setup_wizard.py" line="324" />
        <source>已设置 %1，并生成签名密钥。
证书指纹：%2
请记下指纹，以便与市残联电话核对。</source>
        <translation>%1 is set up and its signing key made.
Certificate fingerprint: %2
Write the fingerprint down, to confirm it with the city federation by phone.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../src/ui/main.py" line="119" />
        <source>程序出错</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../src/ui/main.py" line="120" />
        <source>发生了意外错误：%1

已保存的数据不受影响。详细情况已记录在日志文件：
%2</source>
        <translation>An unexpected error occurred: %1

Saved data is not affected. The details are in the log file:
%2</translation>
    </message>
    <message>
        <location filename="../../src/ui/main.py" line="146" />
        <source>（进程 %1，计算机 %2）</source>
        <translation> (process %1 on %2)</translation>
    </message>
    <message>
        <location filename="../../src/ui/main.py" line="151" />
        <source>这个数据文件夹已经在另一个进度窗口中打开%1：
%2

请切换到已打开的窗口；同一数据文件夹同时只能打开一个窗口。</source>
        <translation>This data folder is already open in another Jindu window%1:
%2

Switch to that window: a data folder can be open in only one window at a time.</translation>
    </message>
    <message>
        <location filename="../../src/ui/main.py" line="187" />
        <source>进度</source>
        <translation>Jindu</translation>
    </message>
    <message>
        <location filename="../../src/ui/main.py" line="191" />
        <source>进度已在运行</source>
        <translation>Jindu is already running</translation>
    </message>
    <message>
        <location filename="../../src/ui/main.py" line="199" />
        <source>无法打开数据</source>
        <translation>The data cannot be opened</translation>
    </message>
</context>
<context>
    <name>undo</name>
    <message>
        <location filename="../../src/ui/undo.py" line="102" />
        <source>修改 %1 本期累计</source>
        <translation>change %1 total to date</translation>
    </message>
    <message>
        <location filename="../../src/ui/undo.py" line="114" />
        <source>修改 %1 备注</source>
        <translation>change %1 note</translation>
    </message>
    <message>
        <location filename="../../src/ui/undo.py" line="126" />
        <source>修改工作任务 %1</source>
        <translation>change task %1</translation>
    </message>
</context>
</TS>