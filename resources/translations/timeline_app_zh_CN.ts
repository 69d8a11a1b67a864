<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Canvas</name>
    <message>
        <source>Choose the indicator plots shown under the timeline</source>
        <translation>选择时间线下方显示的指标图表</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Show all plots</source>
        <translation>显示全部图表</translation>
    </message>
    <message>
        <source>Hide all plots</source>
        <translation>隐藏全部图表</translation>
    </message>
    <message>
        <source>Plots: %1 of %2 ▾</source>
        <translation>图表：%1/%2 ▾</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>%Ln problem(s) found</source>
        <translation>发现%Ln个问题</translation>
    </message>
    <message>
        <source>%1: warning: %2</source>
        <translation>%1：警告：%2</translation>
    </message>
    <message>
        <source>ok: %1 files, %2 events, %3 categories, %4 indicators, %5 points, %6 sources</source>
        <translation>正常：%1 个文件，%2 个事件，%3 个类别，%4 个指标，%5 个数据点，%6 个来源</translation>
    </message>
    <message>
        <source>wrote %1: %2 events, %3 categories (%4)</source>
        <translation>已写入 %1：%2 个事件，%3 个类别（%4）</translation>
    </message>
    <message>
        <source>wrote %1 (%2)</source>
        <translation>已写入 %1（%2）</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 横向</translation>
    </message>
    <message>
        <source>%1 pages, %2 s</source>
        <translation>%1 页，%2 秒</translation>
    </message>
    <message>
        <source>will not write %1: it is (or would become) part of the chronology; choose a file outside its folder</source>
        <translation>不会写入 %1：它是（或将成为）大事记的一部分；请选择大事记文件夹以外的文件</translation>
    </message>
    <message>
        <source>will not write over the input %1</source>
        <translation>不会覆盖输入文件 %1</translation>
    </message>
    <message>
        <source>--out must end in %1, not &apos;%2&apos;</source>
        <translation>--out 必须以 %1 结尾，不能是 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>.png, .svg or .pdf</source>
        <translation>.png、.svg 或 .pdf</translation>
    </message>
    <message>
        <source>no event with id &apos;%1&apos;</source>
        <translation>没有 id 为 &apos;%1&apos; 的事件</translation>
    </message>
    <message>
        <source>--to must be after --from</source>
        <translation>--to 必须晚于 --from</translation>
    </message>
    <message>
        <source>will not write %1 inside the chronology&apos;s folder</source>
        <translation>不会把 %1 写进大事记的文件夹</translation>
    </message>
    <message>
        <source>cannot read the views in &apos;%1&apos;: %2</source>
        <translation>无法读取 &apos;%1&apos; 中的视图：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; holds no view</source>
        <translation>&apos;%1&apos; 中没有视图</translation>
    </message>
    <message>
        <source>none saved for this chronology</source>
        <translation>这部大事记没有保存的视图</translation>
    </message>
    <message>
        <source>no saved view named &apos;%1&apos; (the views: %2)</source>
        <translation>没有名为 &apos;%1&apos; 的已保存视图（现有视图：%2）</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>redated</source>
        <translation>改期</translation>
    </message>
    <message>
        <source>reworded</source>
        <translation>改写</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%Ln event(s) differ</source>
        <translation>%Ln个事件有差异</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>，</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%2 %1 个</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>the number of plots cannot be negative</source>
        <translation>图表的数量不能为负数</translation>
    </message>
    <message>
        <source>no plot named %1 (the plots are: %2)</source>
        <translation>没有名为 %1 的图表（现有图表：%2）</translation>
    </message>
    <message>
        <source>cannot render to &apos;%1&apos;: use a .png, .svg or .pdf file name</source>
        <translation>无法渲染到 &apos;%1&apos;：请使用 .png、.svg 或 .pdf 文件名</translation>
    </message>
    <message>
        <source>image size %1x%2 is too small (at least 200x150)</source>
        <translation>图像尺寸 %1x%2 太小（至少 200x150）</translation>
    </message>
    <message>
        <source>no category with id %1</source>
        <translation>没有 id 为 %1 的类别</translation>
    </message>
    <message>
        <source>the end of the range must come after its start</source>
        <translation>范围的结束必须晚于开始</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>no tour with id &apos;%1&apos; (the tours are: %2)</source>
        <translation>没有 id 为 &apos;%1&apos; 的导览（现有导览：%2）</translation>
    </message>
    <message>
        <source>a report is a PDF: name the file .pdf, not &apos;%1&apos;</source>
        <translation>报告是 PDF 文件：文件名请以 .pdf 结尾，不能是 &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>Compare with another version</source>
        <translation>与另一版本比较</translation>
    </message>
    <message>
        <source>Chronologies (*.yaml *.yml *.json *.csv *.xlsx *.ics *.timeline);;All files (*)</source>
        <translation>大事记 (*.yaml *.yml *.json *.csv *.xlsx *.ics *.timeline);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Comparing the two versions…</source>
        <translation>正在比较两个版本…</translation>
    </message>
    <message>
        <source>Cannot compare with %1: %2</source>
        <translation>无法与 %1 比较：%2</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>re-dated</source>
        <translation>改期</translation>
    </message>
    <message>
        <source>re-worded</source>
        <translation>改写</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Differences on the time axis</source>
        <translation>时间轴上的差异</translation>
    </message>
    <message>
        <source>other: %1</source>
        <translation>其他：%1</translation>
    </message>
    <message>
        <source>shown</source>
        <translation>已显示</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Compared with %1: %2</source>
        <translation>与 %1 比较：%2</translation>
    </message>
    <message>
        <source>no differences</source>
        <translation>无差异</translation>
    </message>
    <message>
        <source>(n / F8: next difference · Shift+N: previous · Esc: leave)</source>
        <translation>（n / F8：下一处差异 · Shift+N：上一处 · Esc：退出）</translation>
    </message>
</context>
<context>
    <name>DataTable</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>(derived)</source>
        <translation>（推算）</translation>
    </message>
    <message>
        <source>%1: %2; %3; latest %4</source>
        <translation>%1：%2；%3；最新 %4</translation>
    </message>
    <message>
        <source>Sorted by %1, descending</source>
        <translation>按%1降序排列</translation>
    </message>
    <message>
        <source>Sorted by %1, ascending</source>
        <translation>按%1升序排列</translation>
    </message>
    <message>
        <source>Data table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>S (or a click on a column&apos;s header) sorts by that column; Ctrl+C copies the cells.</source>
        <translation>按 S（或点击列标题）按该列排序；Ctrl+C 复制单元格。</translation>
    </message>
    <message>
        <source>No plot is shown: choose plots under the timeline (Plots ▾) first.</source>
        <translation>未显示任何图表：请先在时间线下方选择图表（图表 ▾）。</translation>
    </message>
</context>
<context>
    <name>DateErrors</name>
    <message>
        <source>a day needs a month</source>
        <translation>写了日就必须写月</translation>
    </message>
    <message>
        <source>%1 is not a qualifier: write ~ (approximate), ? or %</source>
        <translation>%1 不是限定符：请写 ~（约略）、? 或 %</translation>
    </message>
    <message>
        <source>open side &apos;%1&apos; is not one of: before, after</source>
        <translation>开放端 &apos;%1&apos; 只能是 before 或 after</translation>
    </message>
    <message>
        <source>unspecified digits go at the end: 201X, 20XX, 2014-XX</source>
        <translation>未指明的数字只能写在末尾：201X、20XX、2014-XX</translation>
    </message>
    <message>
        <source>a year with unspecified digits (201X) cannot have a known month or day</source>
        <translation>含未指明数字的年份（201X）不能再有已知的月或日</translation>
    </message>
    <message>
        <source>a date has at most a year, a month and a day</source>
        <translation>日期最多只有年、月、日三部分</translation>
    </message>
    <message>
        <source>month %1 does not exist</source>
        <translation>不存在 %1 月</translation>
    </message>
    <message>
        <source>day %1 does not exist in %2</source>
        <translation>%2没有 %1 日</translation>
    </message>
    <message>
        <source>%1 is not a date: write an open side as ../%2 or %2/..</source>
        <translation>%1 不是日期：开放端请写作 ../%2 或 %2/..</translation>
    </message>
    <message>
        <source>%1 is an interval: write &apos;start: %2&apos; and &apos;end: %3&apos;</source>
        <translation>%1 是一个区间：请分别写作 &apos;start: %2&apos; 和 &apos;end: %3&apos;</translation>
    </message>
    <message>
        <source>%1 is not a date: write years before the common era as &apos;%2 BCE&apos;</source>
        <translation>%1 不是日期：公元前的年份请写作 &apos;%2 BCE&apos;</translation>
    </message>
    <message>
        <source>%1 is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2014, 2014-02, 2014-02-26)</source>
        <translation>%1 不是日期：请写作 YYYY、YYYY-MM 或 YYYY-MM-DD（如 2014、2014-02、2014-02-26）</translation>
    </message>
    <message>
        <source>there is no year 0 (1 BCE is followed by 1)</source>
        <translation>没有公元 0 年（公元前 1 年之后就是公元 1 年）</translation>
    </message>
    <message>
        <source>%1 is not a date: unspecified digits are written X at the end of a four-digit year or as XX for a month or day (201X, 20XX, 2014-XX, 2014-02-XX)</source>
        <translation>%1 不是日期：未指明的数字写作 X，只能放在四位年份的末尾；未指明的月或日写作 XX（201X、20XX、2014-XX、2014-02-XX）</translation>
    </message>
    <message>
        <source>%1 is not a date: after an unspecified part, every part is XX</source>
        <translation>%1 不是日期：未指明的部分之后，每一部分都要写作 XX</translation>
    </message>
    <message>
        <source>type a date: 2017, 2017-04, 2017-04-01, 44 BCE, or a range 2014..2017</source>
        <translation>请输入日期：2017、2017-04、2017-04-01、44 BCE，或范围 2014..2017</translation>
    </message>
    <message>
        <source>%1 is not a date or a range: write e.g. 2014..2017</source>
        <translation>%1 不是日期，也不是范围：可写作 2014..2017 这样的形式</translation>
    </message>
    <message>
        <source>the range %1..%2 ends before it begins</source>
        <translation>范围 %1..%2 的结束早于开始</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>January</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>February</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>March</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>April</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>June</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>July</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>August</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>September</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>October</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>November</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>December</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>%1</source>
        <comment>a year of the common era</comment>
        <translation>%1年</translation>
    </message>
    <message>
        <source>%1 BCE</source>
        <translation>公元前%1年</translation>
    </message>
    <message>
        <source>%1</source>
        <comment>a day of the month alone</comment>
        <translation>%1日</translation>
    </message>
    <message>
        <source>%3 %2 %1</source>
        <comment>day month year</comment>
        <translation>%1%4月%3日</translation>
    </message>
    <message>
        <source>%2 %1</source>
        <comment>month year</comment>
        <translation>%1%4月</translation>
    </message>
    <message>
        <source>the %1s</source>
        <translation>%1年代</translation>
    </message>
    <message>
        <source>around %1</source>
        <translation>约%1</translation>
    </message>
    <message>
        <source>%1, uncertain</source>
        <translation>%1（存疑）</translation>
    </message>
    <message>
        <source>before %1</source>
        <translation>%1之前</translation>
    </message>
    <message>
        <source>%1 or after</source>
        <translation>%1或之后</translation>
    </message>
    <message>
        <source>day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>%1 (%2 not given)</source>
        <translation>%1（未注明%2）</translation>
    </message>
    <message>
        <source>%1 (%2 only)</source>
        <translation>%1（精确到%2）</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln天</numerusform>
        </translation>
    </message>
    <message>
        <source>%Ln month(s)</source>
        <translation>%Ln个月</translation>
    </message>
    <message>
        <source>%Ln year(s)</source>
        <translation>%Ln年</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1年</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>约%1</translation>
    </message>
    <message>
        <source>ongoing, since %1</source>
        <translation>自%1起，仍在进行</translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation>迄今%1</translation>
    </message>
    <message>
        <source>Event details</source>
        <translation>事件详情</translation>
    </message>
    <message>
        <source>Select an event: ←/→, click, or / to search</source>
        <translation>选择一个事件：←/→、点击，或按 / 搜索</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1，分属%2</translation>
    </message>
    <message>
        <source>%Ln event(s)</source>
        <translation>%Ln个事件</translation>
    </message>
    <message>
        <source>%Ln lane(s)</source>
        <translation>%Ln个泳道</translation>
    </message>
    <message>
        <source>%Ln indicator(s)</source>
        <translation>%Ln项指标</translation>
    </message>
    <message>
        <source>%Ln source(s)</source>
        <translation>%Ln个来源</translation>
    </message>
    <message>
        <source>Press ? for every key.</source>
        <translation>按 ? 查看全部快捷键。</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>见%1</translation>
    </message>
    <message>
        <source>as above</source>
        <translation>同上</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
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
        <source>places</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>key figures</source>
        <translation>关键数据</translation>
    </message>
    <message>
        <source>Not translated, shown as written:</source>
        <translation>未翻译，按原文显示：</translation>
    </message>
    <message>
        <source>(approximate date)</source>
        <translation>（大致日期）</translation>
    </message>
    <message>
        <source>(lane hidden)</source>
        <translation>（泳道已隐藏）</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>泳道</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>关键数据</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Related events</source>
        <translation>相关事件</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>latest %1</source>
        <translation>最新：%1</translation>
    </message>
    <message>
        <source>Written in %1 · id %2</source>
        <translation>出自 %1 · 标识 %2</translation>
    </message>
    <message>
        <source>(derived: %1)</source>
        <translation>（推算：%1）</translation>
    </message>
    <message>
        <source>(approximate)</source>
        <translation>（近似）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>derived: %1</source>
        <translation>推算：%1</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>About this series</source>
        <translation>关于此数据系列</translation>
    </message>
    <message>
        <source>All points</source>
        <translation>全部数据点</translation>
    </message>
    <message>
        <source>%1 (derived)</source>
        <translation>%1（推算值）</translation>
    </message>
    <message>
        <source>Events about this series</source>
        <translation>与此数据系列相关的事件</translation>
    </message>
    <message>
        <source>Open web page</source>
        <translation>打开网页</translation>
    </message>
    <message>
        <source>Open this address in your web browser?</source>
        <translation>在网页浏览器中打开此地址？</translation>
    </message>
    <message>
        <source>Go to event: %1</source>
        <translation>转到事件：%1</translation>
    </message>
    <message>
        <source>Show the latest point of %1</source>
        <translation>显示%1的最新数据点</translation>
    </message>
    <message>
        <source>Show this point</source>
        <translation>显示此数据点</translation>
    </message>
    <message>
        <source>Web page: %1 (opens in your browser after you confirm)</source>
        <translation>网页：%1（确认后在浏览器中打开）</translation>
    </message>
    <message>
        <source>Link: %1. %2</source>
        <translation>链接：%1。%2</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>%1: could not be read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <source>%Ln problem(s)</source>
        <translation>%Ln个问题</translation>
    </message>
    <message>
        <source>… and %Ln more problem(s)</source>
        <translation>……另有%Ln个问题</translation>
    </message>
    <message>
        <source>%1 in %2. Still showing the last version that loaded; fix the file and it reloads by itself.</source>
        <translation>%2 中有%1。仍显示上次成功加载的版本；修正文件后会自动重新加载。</translation>
    </message>
    <message>
        <source>Could not open %1: %2. Still showing %3.</source>
        <translation>无法打开 %1：%2。仍显示 %3。</translation>
    </message>
    <message>
        <source>Could not open %1: %2. Fix the file and it opens by itself.</source>
        <translation>无法打开 %1：%2。修正文件后会自动打开。</translation>
    </message>
</context>
<context>
    <name>ErrorPanel</name>
    <message>
        <source>Problems in the chronology files</source>
        <translation>大事记文件中的问题</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>全部复制</translation>
    </message>
    <message>
        <source>Copy every problem to the clipboard</source>
        <translation>将所有问题复制到剪贴板</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Read the files again (F5)</source>
        <translation>重新读取文件（F5）</translation>
    </message>
    <message>
        <source>Hide this panel (the status bar still shows the problems)</source>
        <translation>隐藏此面板（状态栏仍会显示问题）</translation>
    </message>
    <message>
        <source>Hide problems</source>
        <translation>隐藏问题</translation>
    </message>
    <message>
        <source>Double-click or Enter: open the file · Ctrl+C: copy</source>
        <translation>双击或按 Enter：打开文件 · Ctrl+C：复制</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>打开文件</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>泳道</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>重要性</translation>
    </message>
    <message>
        <source>Hidden lane</source>
        <translation>隐藏的泳道</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>headline</source>
        <translation>头条</translation>
    </message>
    <message>
        <source>major</source>
        <translation>重要</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Hide lane</source>
        <translation>隐藏泳道</translation>
    </message>
    <message>
        <source>Remove filter %1</source>
        <translation>移除筛选条件 %1</translation>
    </message>
    <message>
        <source>Remove this filter (Delete)</source>
        <translation>移除此筛选条件（Delete）</translation>
    </message>
    <message>
        <source>Filters:</source>
        <translation>筛选：</translation>
    </message>
    <message>
        <source>Add a filter</source>
        <translation>添加筛选条件</translation>
    </message>
    <message>
        <source>Add a filter: tag, place, source, lane, precision, 2014..2017</source>
        <translation>添加筛选条件：标签、地点、来源、泳道、精度、2014..2017</translation>
    </message>
    <message>
        <source>Filters that match what is typed</source>
        <translation>与输入内容相符的筛选条件</translation>
    </message>
    <message>
        <source>Events passing the filters</source>
        <translation>符合筛选条件的事件</translation>
    </message>
    <message>
        <source>%1 of %Ln event(s) pass the filters</source>
        <translation>%1 / %Ln 个事件符合筛选条件</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>全部清除</translation>
    </message>
    <message>
        <source>No such filter: %1</source>
        <translation>没有这样的筛选条件：%1</translation>
    </message>
</context>
<context>
    <name>GoToDate</name>
    <message>
        <source>Go to date</source>
        <translation>转到日期</translation>
    </message>
    <message>
        <source>Date or range to go to</source>
        <translation>要转到的日期或范围</translation>
    </message>
    <message>
        <source>2017, 2017-04, 2017-04-01, 44 BCE, 2014..2017</source>
        <translation>2017、2017-04、2017-04-01、44 BCE、2014..2017</translation>
    </message>
    <message>
        <source>&amp;Date or range:</source>
        <translation>日期或范围(&amp;D)：</translation>
    </message>
    <message>
        <source>What the date stands for</source>
        <translation>该日期所指的范围</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>Type a date or a range, then Enter.</source>
        <translation>输入日期或范围，然后按 Enter。</translation>
    </message>
    <message>
        <source>Not a date: %1</source>
        <translation>不是日期：%1</translation>
    </message>
    <message>
        <source>Enter: go to %1</source>
        <translation>Enter：转到%1</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Esc or ? closes this. The keys work wherever the focus is, except while you type in the search field.</source>
        <translation>按 Esc 或 ? 关闭。无论焦点在哪里，快捷键均可使用，在搜索框中输入时除外。</translation>
    </message>
</context>
<context>
    <name>Keymap</name>
    <message>
        <source>Show or hide lane 1 … 9 (counted from the top)</source>
        <translation>显示或隐藏第 1…9 个泳道（自上而下计）</translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation>取消选择</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>浏览</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Lanes</source>
        <translation>泳道</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Tours</source>
        <translation>导览</translation>
    </message>
    <message>
        <source>Panes and links</source>
        <translation>窗格与链接</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>Next event (in time, across the shown lanes)</source>
        <translation>下一个事件（按时间，跨所有显示的泳道）</translation>
    </message>
    <message>
        <source>Next event</source>
        <translation>下一个事件</translation>
    </message>
    <message>
        <source>Previous event</source>
        <translation>上一个事件</translation>
    </message>
    <message>
        <source>Next event in the same lane (or point of the same series)</source>
        <translation>同一泳道的下一个事件（或同一数据系列的下一个点）</translation>
    </message>
    <message>
        <source>Previous event in the same lane (or point of the same series)</source>
        <translation>同一泳道的上一个事件（或同一数据系列的上一个点）</translation>
    </message>
    <message>
        <source>Nearest event in the lane above</source>
        <translation>上方泳道中最近的事件</translation>
    </message>
    <message>
        <source>Nearest event in the lane below</source>
        <translation>下方泳道中最近的事件</translation>
    </message>
    <message>
        <source>First event</source>
        <translation>第一个事件</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>最后一个事件</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>取消选择</translation>
    </message>
    <message>
        <source>Zoom in (hold to speed up)</source>
        <translation>放大（按住加速）</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out (hold to speed up)</source>
        <translation>缩小（按住加速）</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Pan to earlier dates (hold to speed up)</source>
        <translation>向更早的日期平移（按住加速）</translation>
    </message>
    <message>
        <source>Pan earlier</source>
        <translation>向前平移</translation>
    </message>
    <message>
        <source>Pan to later dates (hold to speed up)</source>
        <translation>向更晚的日期平移（按住加速）</translation>
    </message>
    <message>
        <source>Pan later</source>
        <translation>向后平移</translation>
    </message>
    <message>
        <source>The plotted series as tables: dates × regions, with sources (sort, copy)</source>
        <translation>以表格显示图表中的数据系列：日期 × 地区，附来源（可排序、复制）</translation>
    </message>
    <message>
        <source>Data table…</source>
        <translation>数据表…</translation>
    </message>
    <message>
        <source>High-contrast colours on or off (remembered)</source>
        <translation>开关高对比度配色（会记住）</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <source>Sort by the current cell&apos;s column (again: descending)</source>
        <translation>按当前单元格所在列排序（再按一次：降序）</translation>
    </message>
    <message>
        <source>in the data table</source>
        <translation>在数据表中</translation>
    </message>
    <message>
        <source>Copy the selected cells as tab-separated text</source>
        <translation>将所选单元格复制为以制表符分隔的文本</translation>
    </message>
    <message>
        <source>Say what the view shows: its dates, the events in it and the selection (screen readers)</source>
        <translation>朗读视图内容：日期范围、其中的事件和所选内容（供屏幕阅读器使用）</translation>
    </message>
    <message>
        <source>Say the view</source>
        <translation>朗读视图</translation>
    </message>
    <message>
        <source>Zoom to the selection</source>
        <translation>缩放到所选内容</translation>
    </message>
    <message>
        <source>Show everything</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Fit all</source>
        <translation>全部适应窗口</translation>
    </message>
    <message>
        <source>Overview band under the timeline on or off (drag its window to pan, its edges to zoom)</source>
        <translation>开关时间线下方的概览条（拖动其窗口可平移，拖动边缘可缩放）</translation>
    </message>
    <message>
        <source>Overview band</source>
        <translation>概览条</translation>
    </message>
    <message>
        <source>Move the window (Shift: its right edge, to zoom); Home, End: to the first, the last dates</source>
        <translation>移动窗口（Shift：移动右边缘以缩放）；Home、End：移到最早、最晚的日期</translation>
    </message>
    <message>
        <source>in the overview band (F6 reaches it)</source>
        <translation>在概览条中（用 F6 移到那里）</translation>
    </message>
    <message>
        <source>Full screen on or off</source>
        <translation>开关全屏</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Filters: show the filter bar and add a filter (tag, place, source, lane, precision, dates)</source>
        <translation>筛选：显示筛选栏并添加筛选条件（标签、地点、来源、泳道、精度、日期）</translation>
    </message>
    <message>
        <source>Filters…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <source>Remove the focused filter (Tab reaches the chips)</source>
        <translation>移除获得焦点的筛选条件（用 Tab 可移到各筛选标签）</translation>
    </message>
    <message>
        <source>on a filter chip</source>
        <translation>在筛选标签上</translation>
    </message>
    <message>
        <source>Back to the previous selection and view</source>
        <translation>返回上一次的选择和视图</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>Forward again</source>
        <translation>再次前进</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <source>Search events</source>
        <translation>搜索事件</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>搜索…</translation>
    </message>
    <message>
        <source>Go to a date or a range (2017, 2017-04, 44 BCE, 2014..2017)</source>
        <translation>转到某个日期或范围（2017、2017-04、44 BCE、2014..2017）</translation>
    </message>
    <message>
        <source>Go to date…</source>
        <translation>转到日期…</translation>
    </message>
    <message>
        <source>Saved views: name the view shown, or return to one (range, selection, filters, plots)</source>
        <translation>保存的视图：为当前视图命名，或返回某个已保存的视图（范围、选择、筛选、图表）</translation>
    </message>
    <message>
        <source>Saved views…</source>
        <translation>保存的视图…</translation>
    </message>
    <message>
        <source>Select the next match; on a date or range (2017-04, 2014..2017), go there</source>
        <translation>选择下一个匹配项；若输入的是日期或范围（2017-04、2014..2017），则转到该处</translation>
    </message>
    <message>
        <source>in the search field</source>
        <translation>在搜索框中</translation>
    </message>
    <message>
        <source>Select the previous match</source>
        <translation>选择上一个匹配项</translation>
    </message>
    <message>
        <source>Move through the results</source>
        <translation>在结果中移动</translation>
    </message>
    <message>
        <source>in the search field or the results</source>
        <translation>在搜索框或结果中</translation>
    </message>
    <message>
        <source>Close the search and go back to where you were</source>
        <translation>关闭搜索并回到原来的位置</translation>
    </message>
    <message>
        <source>During a tour: the next stop (Go ▸ Tours starts one)</source>
        <translation>导览中：下一站（转到 ▸ 导览 可开始一个导览）</translation>
    </message>
    <message>
        <source>Next stop</source>
        <translation>下一站</translation>
    </message>
    <message>
        <source>During a tour: the previous stop</source>
        <translation>导览中：上一站</translation>
    </message>
    <message>
        <source>Previous stop</source>
        <translation>上一站</translation>
    </message>
    <message>
        <source>The first stop</source>
        <translation>第一站</translation>
    </message>
    <message>
        <source>during a tour</source>
        <translation>导览中</translation>
    </message>
    <message>
        <source>The last stop</source>
        <translation>最后一站</translation>
    </message>
    <message>
        <source>Leave the tour and go back to the view you had</source>
        <translation>退出导览并回到原来的视图</translation>
    </message>
    <message>
        <source>Move the focus into the detail pane</source>
        <translation>将焦点移到详情窗格</translation>
    </message>
    <message>
        <source>Go to details</source>
        <translation>转到详情</translation>
    </message>
    <message>
        <source>Next pane (timeline, details, search, overview band)</source>
        <translation>下一个窗格（时间线、详情、搜索、概览条）</translation>
    </message>
    <message>
        <source>Next pane</source>
        <translation>下一个窗格</translation>
    </message>
    <message>
        <source>Previous pane</source>
        <translation>上一个窗格</translation>
    </message>
    <message>
        <source>Next or previous pane, or link in the detail pane</source>
        <translation>下一个或上一个窗格，或详情窗格中的链接</translation>
    </message>
    <message>
        <source>Follow the focused link</source>
        <translation>打开获得焦点的链接</translation>
    </message>
    <message>
        <source>in the detail pane</source>
        <translation>在详情窗格中</translation>
    </message>
    <message>
        <source>Move the caret through the text (Shift: select; Ctrl+C copies)</source>
        <translation>在文本中移动光标（Shift：选择；Ctrl+C：复制）</translation>
    </message>
    <message>
        <source>Open a chronology file</source>
        <translation>打开大事记文件</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>Open a chronology folder</source>
        <translation>打开大事记文件夹</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>打开文件夹…</translation>
    </message>
    <message>
        <source>Reload the files</source>
        <translation>重新加载文件</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Save the view as an image</source>
        <translation>将视图保存为图片</translation>
    </message>
    <message>
        <source>Export view as image…</source>
        <translation>将视图导出为图片…</translation>
    </message>
    <message>
        <source>Save the events shown (after filters and hidden lanes) as JSON or CSV</source>
        <translation>将显示的事件（经筛选和隐藏泳道之后）保存为 JSON 或 CSV</translation>
    </message>
    <message>
        <source>Export shown events…</source>
        <translation>导出显示的事件…</translation>
    </message>
    <message>
        <source>Save the view as a PDF page (timeline, plots, legend, dates, title, sources)</source>
        <translation>将视图保存为一页 PDF（时间线、图表、图例、日期、标题、来源）</translation>
    </message>
    <message>
        <source>Export view as PDF…</source>
        <translation>将视图导出为 PDF…</translation>
    </message>
    <message>
        <source>Print the view, with a preview first</source>
        <translation>打印视图（先预览）</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Compare with another version of the chronology (added, removed, re-dated, re-worded)</source>
        <translation>与大事记的另一版本比较（新增、删除、改期、改写）</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>与…比较</translation>
    </message>
    <message>
        <source>While comparing: the next difference</source>
        <translation>比较时：下一处差异</translation>
    </message>
    <message>
        <source>Next difference</source>
        <translation>下一处差异</translation>
    </message>
    <message>
        <source>While comparing: the previous difference</source>
        <translation>比较时：上一处差异</translation>
    </message>
    <message>
        <source>Previous difference</source>
        <translation>上一处差异</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Show the keyboard shortcuts</source>
        <translation>显示键盘快捷键</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Close the shortcuts overlay</source>
        <translation>关闭快捷键一览</translation>
    </message>
    <message>
        <source>in the overlay</source>
        <translation>在快捷键一览中</translation>
    </message>
</context>
<context>
    <name>LaneAxis</name>
    <message>
        <source>Click to show this lane.</source>
        <translation>点击显示此泳道。</translation>
    </message>
    <message>
        <source>Click to hide this lane.</source>
        <translation>点击隐藏此泳道。</translation>
    </message>
</context>
<context>
    <name>Loader</name>
    <message>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <source>Parsing %1</source>
        <translation>正在解析 %1</translation>
    </message>
    <message>
        <source>Sorting events</source>
        <translation>正在排序事件</translation>
    </message>
    <message>
        <source>Checking %1</source>
        <translation>正在检查 %1</translation>
    </message>
    <message>
        <source>Reading files</source>
        <translation>正在读取文件</translation>
    </message>
    <message>
        <source>Reading the cache</source>
        <translation>正在读取缓存</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Saving to the cache</source>
        <translation>正在写入缓存</translation>
    </message>
</context>
<context>
    <name>Loading</name>
    <message>
        <source>Indexing dates</source>
        <translation>正在索引日期</translation>
    </message>
    <message>
        <source>Laying out events</source>
        <translation>正在排布事件</translation>
    </message>
    <message>
        <source>Indexing ids</source>
        <translation>正在索引标识</translation>
    </message>
    <message>
        <source>Preparing plots</source>
        <translation>正在准备图表</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Chronologies (*.yaml *.yml *.json *.csv *.xlsx *.ics *.timeline)</source>
        <translation>大事记 (*.yaml *.yml *.json *.csv *.xlsx *.ics *.timeline)</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx)</source>
        <translation>电子表格 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>About Timeline</source>
        <translation>关于时间线</translation>
    </message>
    <message>
        <source>Show problems</source>
        <translation>显示问题</translation>
    </message>
    <message>
        <source>Show or hide the list of problems in the files</source>
        <translation>显示或隐藏文件中的问题列表</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>取消加载</translation>
    </message>
    <message>
        <source>Stop opening a large chronology; the one shown stays</source>
        <translation>停止打开大型大事记；保留当前显示的内容</translation>
    </message>
    <message>
        <source>Stopped opening %1</source>
        <translation>已停止打开 %1</translation>
    </message>
    <message>
        <source>Open chronology file</source>
        <translation>打开大事记文件</translation>
    </message>
    <message>
        <source>Open chronology folder</source>
        <translation>打开大事记文件夹</translation>
    </message>
    <message>
        <source>Export view as image</source>
        <translation>将视图导出为图片</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>That is one of the chronology&apos;s own files; choose another name.</source>
        <translation>这是大事记自身的文件之一，请换一个文件名。</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>No tour is running: Go ▸ Tours starts one</source>
        <translation>当前没有进行中的导览：转到 ▸ 导览 可开始一个</translation>
    </message>
    <message>
        <source>Not comparing: File ▸ Compare with… first</source>
        <translation>当前未在比较：请先选择 文件 ▸ 与…比较</translation>
    </message>
    <message>
        <source>Export the events shown</source>
        <translation>导出显示的事件</translation>
    </message>
    <message>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Wrote %Ln event(s) to %1</source>
        <translation>已将%Ln个事件写入 %1</translation>
    </message>
    <message>
        <source>%Ln event(s)</source>
        <translation>%Ln个事件</translation>
    </message>
    <message>
        <source>%Ln indicator(s)</source>
        <translation>%Ln项指标</translation>
    </message>
    <message>
        <source>%Ln source(s)</source>
        <translation>%Ln个来源</translation>
    </message>
    <message>
        <source>A desktop viewer for chronologies.</source>
        <translation>一款桌面大事记查看器。</translation>
    </message>
    <message>
        <source>Showing: %1</source>
        <translation>当前显示：%1</translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation>设置文件：%1</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Sa&amp;ved views</source>
        <translation>保存的视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tours</source>
        <translation>导览(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Lanes</source>
        <translation>泳道(&amp;L)</translation>
    </message>
    <message>
        <source>L&amp;anguage</source>
        <translation>语言(&amp;A)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>（已不存在）</translation>
    </message>
    <message>
        <source>No chronologies opened yet</source>
        <translation>尚未打开过大事记</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
    <message>
        <source>No lanes</source>
        <translation>没有泳道</translation>
    </message>
    <message>
        <source>Show all lanes</source>
        <translation>显示全部泳道</translation>
    </message>
</context>
<context>
    <name>OverviewBand</name>
    <message>
        <source>Overview of the whole chronology</source>
        <translation>整部大事记的概览</translation>
    </message>
    <message>
        <source>Drag the window to pan, its edges to zoom; click to centre the view there</source>
        <translation>拖动窗口可平移，拖动边缘可缩放；点击可将视图移到该处</translation>
    </message>
    <message>
        <source>Showing %1 – %2</source>
        <translation>显示 %1 – %2</translation>
    </message>
</context>
<context>
    <name>Plots</name>
    <message>
        <source>derived (computed)</source>
        <translation>推算值（计算所得）</translation>
    </message>
    <message>
        <source>no data between</source>
        <translation>其间无数据</translation>
    </message>
    <message>
        <source>%1: %2 (%3, derived)</source>
        <translation>%1：%2（%3，推算值）</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1：%2（%3）</translation>
    </message>
    <message>
        <source>nearest point</source>
        <translation>最近的数据点</translation>
    </message>
</context>
<context>
    <name>Print</name>
    <message>
        <source>Sources: none cited by what is shown.</source>
        <translation>来源：所显示内容未引用任何来源。</translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>; and %Ln more</source>
        <translation>；另有%Ln个</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>自%1至%2</translation>
    </message>
    <message>
        <source>Export view as PDF</source>
        <translation>将视图导出为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>That is one of the chronology&apos;s own files.</source>
        <translation>这是大事记自身的文件之一。</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>chronology</source>
        <translation>大事记</translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>era</source>
        <translation>时期</translation>
    </message>
    <message>
        <source>event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>figure</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>source reference</source>
        <translation>来源引用</translation>
    </message>
    <message>
        <source>indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>point</source>
        <translation>数据点</translation>
    </message>
    <message>
        <source>tour</source>
        <translation>导览</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>导览站点</translation>
    </message>
    <message>
        <source>the source id</source>
        <translation>来源 id</translation>
    </message>
    <message>
        <source>the category id</source>
        <translation>类别 id</translation>
    </message>
    <message>
        <source>the era id</source>
        <translation>时期 id</translation>
    </message>
    <message>
        <source>the event id</source>
        <translation>事件 id</translation>
    </message>
    <message>
        <source>the indicator id</source>
        <translation>指标 id</translation>
    </message>
    <message>
        <source>the tour id</source>
        <translation>导览 id</translation>
    </message>
    <message>
        <source>sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>eras</source>
        <translation>时期</translation>
    </message>
    <message>
        <source>events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>points</source>
        <translation>数据点</translation>
    </message>
    <message>
        <source>tours</source>
        <translation>导览</translation>
    </message>
    <message>
        <source>stops</source>
        <translation>导览站点</translation>
    </message>
    <message>
        <source>the file expands to more than %1 values (aliases?)</source>
        <translation>文件展开后超过 %1 个值（是否用了别名？）</translation>
    </message>
    <message>
        <source>expected a mapping for the %1 (key: value lines), found %2</source>
        <translation>%1应为映射（若干“键: 值”行），这里却是%2</translation>
    </message>
    <message>
        <source>duplicate key &apos;%1&apos; in the %2 (first written at line %3, column %4)</source>
        <translation>%2中的键 &apos;%1&apos; 重复（第一次写在第 %3 行第 %4 列）</translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos; in the %2 (did you mean &apos;%3&apos;?)</source>
        <translation>%2中有未知的键 &apos;%1&apos;（是不是想写 &apos;%3&apos;？）</translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos; in the %2 (expected one of: %3)</source>
        <translation>%2中有未知的键 &apos;%1&apos;（应为以下之一：%3）</translation>
    </message>
    <message>
        <source>the %1 is missing &apos;%2&apos;</source>
        <translation>%1缺少 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>expected a list of %1 (lines starting with &apos;- &apos;), found %2</source>
        <translation>应为%1的列表（以 &apos;- &apos; 开头的若干行），这里却是%2</translation>
    </message>
    <message>
        <source>%1 must be text, found %2</source>
        <translation>%1必须是文字，这里却是%2</translation>
    </message>
    <message>
        <source>%1 is %2 characters long; the limit is %3</source>
        <translation>%1长达 %2 个字符，上限为 %3</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1为空</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; may hold only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (and start with a letter or digit)</source>
        <translation>%1 &apos;%2&apos; 只能包含字母、数字、&apos;.&apos;、&apos;_&apos; 和 &apos;-&apos;（且须以字母或数字开头）</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2：%3</translation>
    </message>
    <message>
        <source>%1 must be true or false, not %2</source>
        <translation>%1必须是 true 或 false，不能是 %2</translation>
    </message>
    <message>
        <source>%1 must be a number, found %2</source>
        <translation>%1必须是数字，这里却是%2</translation>
    </message>
    <message>
        <source>%1 must be a number, not quoted text: write %2 without quotes</source>
        <translation>%1必须是数字，不能是带引号的文字：请去掉引号，写作 %2</translation>
    </message>
    <message>
        <source>%1 must be a finite number, not &apos;%2&apos;</source>
        <translation>%1必须是有限的数字，不能是 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1 must be a number, not &apos;%2&apos;</source>
        <translation>%1必须是数字，不能是 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1 %2 is too large</source>
        <translation>%1 %2 太大</translation>
    </message>
    <message>
        <source>duplicate %1 id &apos;%2&apos; (first defined at %3)</source>
        <translation>%1 id &apos;%2&apos; 重复（第一次定义于 %3）</translation>
    </message>
    <message>
        <source>end %1 is before start %2</source>
        <translation>结束 %1 早于开始 %2</translation>
    </message>
    <message>
        <source>more than %1 events: the limit of one chronology</source>
        <translation>事件超过 %1 个：这是一部大事记的上限</translation>
    </message>
    <message>
        <source>each of %1</source>
        <translation>%1 的每一项</translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation>一个映射</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>一个列表</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>空值</translation>
    </message>
    <message>
        <source>something else</source>
        <translation>其他类型的值</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>没有这个文件或文件夹</translation>
    </message>
    <message>
        <source>the folder holds no .yaml, .yml or .json files</source>
        <translation>文件夹中没有 .yaml、.yml 或 .json 文件</translation>
    </message>
    <message>
        <source>the folder holds %1 files; the limit is %2</source>
        <translation>文件夹中有 %1 个文件，上限为 %2</translation>
    </message>
    <message>
        <source>the file is empty: expected &apos;events:&apos;, &apos;categories:&apos;, &apos;indicators:&apos; ...</source>
        <translation>文件是空的：应有 &apos;events:&apos;、&apos;categories:&apos;、&apos;indicators:&apos; 等内容</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>第 %1 行第 %2 列</translation>
    </message>
    <message>
        <source>nested too deeply: more than %1 levels of lists and mappings</source>
        <translation>嵌套过深：列表和映射超过 %1 层</translation>
    </message>
    <message>
        <source>... and %Ln more problem(s)</source>
        <translation>……另有%Ln个问题</translation>
    </message>
    <message>
        <source>a source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>the figure&apos;s source</source>
        <translation>数据的来源</translation>
    </message>
    <message>
        <source>the point&apos;s source</source>
        <translation>数据点的来源</translation>
    </message>
    <message>
        <source>the indicator&apos;s source</source>
        <translation>指标的来源</translation>
    </message>
    <message>
        <source>event ids</source>
        <translation>事件 id</translation>
    </message>
    <message>
        <source>a related event id</source>
        <translation>相关事件 id</translation>
    </message>
    <message>
        <source>indicator ids</source>
        <translation>指标 id</translation>
    </message>
    <message>
        <source>an indicator id</source>
        <translation>指标 id</translation>
    </message>
    <message>
        <source>the url must start with http:// or https://, not &apos;%1&apos;</source>
        <translation>url 必须以 http:// 或 https:// 开头，不能是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the color must be written #rrggbb (e.g. %1), not &apos;%2&apos;</source>
        <translation>颜色必须写作 #rrggbb（如 %1），不能是 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>&apos;order&apos; must be a whole number, not %1</source>
        <translation>&apos;order&apos; 必须是整数，不能是 %1</translation>
    </message>
    <message>
        <source>importance %1 is not one of: %2</source>
        <translation>重要性 %1 不是以下之一：%2</translation>
    </message>
    <message>
        <source>an event has either an &apos;end&apos; or &apos;ongoing: true&apos;, not both</source>
        <translation>事件只能有 &apos;end&apos; 或 &apos;ongoing: true&apos; 其中之一，不能两者都有</translation>
    </message>
    <message>
        <source>a second point for %1 (the first is at %2)</source>
        <translation>%1 有第二个数据点（第一个在%2）</translation>
    </message>
    <message>
        <source>&apos;chronology&apos; is already given at %1</source>
        <translation>&apos;chronology&apos; 已在 %1 给出</translation>
    </message>
    <message>
        <source>unknown %1 &apos;%2&apos; (did you mean &apos;%3&apos;?)</source>
        <translation>未知的%1 &apos;%2&apos;（是不是想写 &apos;%3&apos;？）</translation>
    </message>
    <message>
        <source>unknown %1 &apos;%2&apos; (no %1 is defined)</source>
        <translation>未知的%1 &apos;%2&apos;（没有定义任何%1）</translation>
    </message>
    <message>
        <source>unknown %1 &apos;%2&apos;</source>
        <translation>未知的%1 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>en (English) or zh (Simplified Chinese)</source>
        <translation>en（英文）或 zh（简体中文）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 is given twice in &apos;%2&apos; (first at line %3, column %4)</source>
        <translation>%1在 &apos;%2&apos; 中出现了两次（第一次在第 %3 行第 %4 列）</translation>
    </message>
    <message>
        <source>unknown language &apos;%1&apos; in %2: did you mean &apos;%3&apos;? write %4</source>
        <translation>%2中有未知的语言 &apos;%1&apos;：是不是想写 &apos;%3&apos;？请写 %4</translation>
    </message>
    <message>
        <source>unknown language &apos;%1&apos; in %2: write %3</source>
        <translation>%2中有未知的语言 &apos;%1&apos;：请写 %3</translation>
    </message>
    <message>
        <source>%1 in %2 (%3)</source>
        <translation>%1 的%2（%3）文字</translation>
    </message>
    <message>
        <source>%1 gives no text: write it, or one text per language (%2)</source>
        <translation>%1没有文字：请直接写出，或按语言各写一份：%2</translation>
    </message>
    <message>
        <source>%1 is written in %2 only: add %3, or every language shows the %2</source>
        <translation>%1只写了 %2：请补上 %3，否则所有语言都显示 %2 的文字</translation>
    </message>
    <message>
        <source>the stop&apos;s text</source>
        <translation>站点的文字</translation>
    </message>
    <message>
        <source>the stop&apos;s title</source>
        <translation>站点的标题</translation>
    </message>
    <message>
        <source>the stop&apos;s event</source>
        <translation>站点的事件</translation>
    </message>
    <message>
        <source>the tour&apos;s title</source>
        <translation>导览的标题</translation>
    </message>
    <message>
        <source>the tour&apos;s description</source>
        <translation>导览的说明</translation>
    </message>
    <message>
        <source>lanes (category ids)</source>
        <translation>泳道（类别 id）</translation>
    </message>
    <message>
        <source>a category id</source>
        <translation>类别 id</translation>
    </message>
    <message>
        <source>plots (indicator ids)</source>
        <translation>图表（指标 id）</translation>
    </message>
    <message>
        <source>a stop with an &apos;end&apos; needs a &apos;start&apos; too</source>
        <translation>有 &apos;end&apos; 的站点也必须有 &apos;start&apos;</translation>
    </message>
    <message>
        <source>a stop names an &apos;event&apos;, a &apos;start&apos; (and &apos;end&apos;), or both</source>
        <translation>站点要写 &apos;event&apos;，或写 &apos;start&apos;（及 &apos;end&apos;），或两者都写</translation>
    </message>
    <message>
        <source>the tour &apos;%1&apos; has no stops: give it at least one</source>
        <translation>导览 &apos;%1&apos; 没有站点：请至少写一个</translation>
    </message>
    <message>
        <source>a key must be a word, not a list or a mapping</source>
        <translation>键必须是一个词，不能是列表或映射</translation>
    </message>
    <message>
        <source>merge keys (&apos;&lt;&lt;&apos;) are not supported: write the keys out</source>
        <translation>不支持合并键（&apos;&lt;&lt;&apos;）：请把各个键逐一写出</translation>
    </message>
    <message>
        <source>the tag %1 is not allowed: write plain values (nothing is ever run)</source>
        <translation>不允许使用标签 %1：请写普通的值（文件中的任何内容都不会被执行）</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>嵌套过深</translation>
    </message>
    <message>
        <source>the file starts like %1 but is not valid %1</source>
        <translation>文件开头像是 %1，但不是有效的 %1</translation>
    </message>
    <message>
        <source>the file contains a NUL character: is it a binary file?</source>
        <translation>文件中有 NUL 字符：是二进制文件吗？</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte %1): save the file as UTF-8</source>
        <translation>不是 UTF-8 文字（字节 %1）：请将文件存为 UTF-8</translation>
    </message>
    <message>
        <source>a chronology file holds one YAML document; remove this &apos;---&apos; or split the file</source>
        <translation>一个大事记文件只能有一个 YAML 文档：请删去这里的 &apos;---&apos;，或把文件拆开</translation>
    </message>
    <message>
        <source>YAML syntax: found a tab character where indentation was expected; YAML indents with spaces, not tabs</source>
        <translation>YAML 语法：在应当缩进的地方发现了制表符；YAML 用空格缩进，不用制表符</translation>
    </message>
    <message>
        <source>YAML syntax: %1 (%2)</source>
        <translation>YAML 语法：%1（%2）</translation>
    </message>
    <message>
        <source>YAML syntax: %1</source>
        <translation>YAML 语法：%1</translation>
    </message>
    <message>
        <source>the file is %1 bytes; the limit is %2 MB</source>
        <translation>文件大小为 %1 字节，上限为 %2 MB</translation>
    </message>
    <message>
        <source>the file does not exist (was it moved or deleted?)</source>
        <translation>文件不存在（是否已被移动或删除？）</translation>
    </message>
    <message>
        <source>the file cannot be read: permission denied</source>
        <translation>无法读取文件：没有权限</translation>
    </message>
    <message>
        <source>expected a file, found a folder</source>
        <translation>应为文件，这里却是文件夹</translation>
    </message>
    <message>
        <source>the file cannot be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>not an iCalendar line (NAME:value): %1</source>
        <translation>不是 iCalendar 行（应为 NAME:value）：%1</translation>
    </message>
    <message>
        <source>END:%1 without a BEGIN:%1</source>
        <translation>有 END:%1 却没有对应的 BEGIN:%1</translation>
    </message>
    <message>
        <source>BEGIN:%1 is never ended (END:%1 is missing)</source>
        <translation>BEGIN:%1 没有结束（缺少 END:%1）</translation>
    </message>
    <message>
        <source>the calendar is not UTF-8 text</source>
        <translation>日历不是 UTF-8 文字</translation>
    </message>
    <message>
        <source>not an iCalendar file: %1</source>
        <translation>不是 iCalendar 文件：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 无法读取：%2</translation>
    </message>
    <message>
        <source>the recurrence cannot be read: %1</source>
        <translation>无法读取重复规则：%1</translation>
    </message>
    <message>
        <source>the file is %1 bytes; the limit is %2</source>
        <translation>文件大小为 %1 字节，上限为 %2</translation>
    </message>
    <message>
        <source>more than %1 rows: the limit of one chronology</source>
        <translation>超过 %1 行：这是一部大事记的上限</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (save the sheet as CSV UTF-8)</source>
        <translation>文件不是 UTF-8 文字（请将表格另存为 CSV UTF-8）</translation>
    </message>
    <message>
        <source>CSV syntax: %1</source>
        <translation>CSV 语法：%1</translation>
    </message>
    <message>
        <source>the file is empty: expected a header row (title, start, ...)</source>
        <translation>文件是空的：应有表头行（title、start 等）</translation>
    </message>
    <message>
        <source>not an .xlsx workbook: %1</source>
        <translation>不是 .xlsx 工作簿：%1</translation>
    </message>
    <message>
        <source>the workbook unpacks to %1 bytes; the limit is %2</source>
        <translation>工作簿解压后为 %1 字节，上限为 %2</translation>
    </message>
    <message>
        <source>the workbook cannot be read: %1</source>
        <translation>无法读取工作簿：%1</translation>
    </message>
    <message>
        <source>the cell is %1 characters long; the limit is %2</source>
        <translation>单元格长达 %1 个字符，上限为 %2</translation>
    </message>
    <message>
        <source>the sheet is empty: expected a header row (title, start, ...)</source>
        <translation>工作表是空的：应有表头行（title、start 等）</translation>
    </message>
    <message>
        <source>no column for the title (call one of them: %1)</source>
        <translation>没有标题列（请将其中一列命名为：%1）</translation>
    </message>
    <message>
        <source>no column for the start (call one of them: %1)</source>
        <translation>没有开始日期列（请将其中一列命名为：%1）</translation>
    </message>
    <message>
        <source>nested too deeply: more than %1 levels of elements</source>
        <translation>嵌套过深：元素超过 %1 层</translation>
    </message>
    <message>
        <source>more than %1 elements</source>
        <translation>元素超过 %1 个</translation>
    </message>
    <message>
        <source>XML syntax: %1</source>
        <translation>XML 语法：%1</translation>
    </message>
    <message>
        <source>the file declares a DTD or entities (%1): refused, nothing in a file is expanded or fetched</source>
        <translation>文件声明了 DTD 或实体（%1）：已拒绝读取，文件中的任何内容都不会被展开或下载</translation>
    </message>
    <message>
        <source>expected a &lt;timeline&gt; document, found &lt;%1&gt;</source>
        <translation>应为 &lt;timeline&gt; 文档，这里却是 &lt;%1&gt;</translation>
    </message>
    <message>
        <source>only Gregorian time is read; this timeline counts in %1</source>
        <translation>只能读取公历时间；这个时间线使用的是 %1</translation>
    </message>
    <message>
        <source>sub-event of container [%1], which the file does not have</source>
        <translation>是容器 [%1] 的子事件，但文件中没有这个容器</translation>
    </message>
    <message>
        <source>the file is empty: expected a TimelineJS object</source>
        <translation>文件是空的：应为一个 TimelineJS 对象</translation>
    </message>
    <message>
        <source>duplicate key &apos;%1&apos; (first written at line %2, column %3)</source>
        <translation>键 &apos;%1&apos; 重复（第一次写在第 %2 行第 %3 列）</translation>
    </message>
    <message>
        <source>expected a TimelineJS object ({&quot;events&quot;: [...]})</source>
        <translation>应为一个 TimelineJS 对象（{&quot;events&quot;: [...]}）</translation>
    </message>
    <message>
        <source>a TimelineJS timeline needs &apos;events&apos;</source>
        <translation>TimelineJS 时间线必须有 &apos;events&apos;</translation>
    </message>
    <message>
        <source>&apos;events&apos; must be a list of slides</source>
        <translation>&apos;events&apos; 必须是幻灯片的列表</translation>
    </message>
    <message>
        <source>each of &apos;events&apos; must be an object (a slide)</source>
        <translation>&apos;events&apos; 的每一项都必须是一个对象（一张幻灯片）</translation>
    </message>
    <message>
        <source>the slide has no &apos;start_date&apos; (only the title slide may go without)</source>
        <translation>幻灯片没有 &apos;start_date&apos;（只有标题幻灯片可以不写）</translation>
    </message>
    <message>
        <source>each of &apos;eras&apos; must be an object</source>
        <translation>&apos;eras&apos; 的每一项都必须是一个对象</translation>
    </message>
    <message>
        <source>JSON syntax: %1</source>
        <translation>JSON 语法：%1</translation>
    </message>
    <message>
        <source>JSON syntax: %1 (%2)</source>
        <translation>JSON 语法：%1（%2）</translation>
    </message>
    <message>
        <source>mapping values are not allowed in this context</source>
        <translation>此处不能写映射的值</translation>
    </message>
    <message>
        <source>mapping keys are not allowed in this context</source>
        <translation>此处不能写映射的键</translation>
    </message>
    <message>
        <source>block sequence entries are not allowed in this context</source>
        <translation>此处不能写块序列的项</translation>
    </message>
    <message>
        <source>could not find expected &apos;:&apos;</source>
        <translation>没有找到应有的 &apos;:&apos;</translation>
    </message>
    <message>
        <source>did not find expected key</source>
        <translation>没有找到应有的键</translation>
    </message>
    <message>
        <source>did not find expected node content</source>
        <translation>没有找到应有的节点内容</translation>
    </message>
    <message>
        <source>did not find expected &apos;-&apos; indicator</source>
        <translation>没有找到应有的 &apos;-&apos; 标记</translation>
    </message>
    <message>
        <source>did not find expected &apos;,&apos; or &apos;]&apos;</source>
        <translation>没有找到应有的 &apos;,&apos; 或 &apos;]&apos;</translation>
    </message>
    <message>
        <source>did not find expected &apos;,&apos; or &apos;}&apos;</source>
        <translation>没有找到应有的 &apos;,&apos; 或 &apos;}&apos;</translation>
    </message>
    <message>
        <source>did not find expected &lt;document start&gt;</source>
        <translation>没有找到应有的文档开头</translation>
    </message>
    <message>
        <source>did not find expected whitespace or line break</source>
        <translation>没有找到应有的空白或换行</translation>
    </message>
    <message>
        <source>did not find expected comment or line break</source>
        <translation>没有找到应有的注释或换行</translation>
    </message>
    <message>
        <source>did not find expected alphabetic or numeric character</source>
        <translation>没有找到应有的字母或数字</translation>
    </message>
    <message>
        <source>did not find expected hexdecimal number</source>
        <translation>没有找到应有的十六进制数</translation>
    </message>
    <message>
        <source>found character that cannot start any token</source>
        <translation>发现了不能作为任何记号开头的字符</translation>
    </message>
    <message>
        <source>found unexpected end of stream</source>
        <translation>文件意外结束</translation>
    </message>
    <message>
        <source>found unexpected &apos;:&apos;</source>
        <translation>发现了意外的 &apos;:&apos;</translation>
    </message>
    <message>
        <source>found unexpected document indicator</source>
        <translation>发现了意外的文档标记</translation>
    </message>
    <message>
        <source>found unknown escape character</source>
        <translation>发现了未知的转义字符</translation>
    </message>
    <message>
        <source>found invalid Unicode character escape code</source>
        <translation>发现了无效的 Unicode 字符转义码</translation>
    </message>
    <message>
        <source>found undefined tag handle</source>
        <translation>发现了未定义的标签句柄</translation>
    </message>
    <message>
        <source>found a tab character that violates indentation</source>
        <translation>发现了破坏缩进的制表符</translation>
    </message>
    <message>
        <source>found a tab character where an indentation space is expected</source>
        <translation>在应为缩进空格的地方发现了制表符</translation>
    </message>
    <message>
        <source>found an indentation indicator equal to 0</source>
        <translation>缩进指示符不能为 0</translation>
    </message>
    <message>
        <source>while scanning a simple key</source>
        <translation>扫描简单键时</translation>
    </message>
    <message>
        <source>while scanning a quoted scalar</source>
        <translation>扫描带引号的标量时</translation>
    </message>
    <message>
        <source>while scanning a plain scalar</source>
        <translation>扫描普通标量时</translation>
    </message>
    <message>
        <source>while scanning a block scalar</source>
        <translation>扫描块标量时</translation>
    </message>
    <message>
        <source>while scanning an anchor</source>
        <translation>扫描锚点时</translation>
    </message>
    <message>
        <source>while scanning an alias</source>
        <translation>扫描别名时</translation>
    </message>
    <message>
        <source>while scanning a tag</source>
        <translation>扫描标签时</translation>
    </message>
    <message>
        <source>while scanning a directive</source>
        <translation>扫描指令时</translation>
    </message>
    <message>
        <source>while scanning for the next token</source>
        <translation>查找下一个记号时</translation>
    </message>
    <message>
        <source>while parsing a block collection</source>
        <translation>解析块集合时</translation>
    </message>
    <message>
        <source>while parsing a block mapping</source>
        <translation>解析块映射时</translation>
    </message>
    <message>
        <source>while parsing a block node</source>
        <translation>解析块节点时</translation>
    </message>
    <message>
        <source>while parsing a flow sequence</source>
        <translation>解析流式序列时</translation>
    </message>
    <message>
        <source>while parsing a flow mapping</source>
        <translation>解析流式映射时</translation>
    </message>
    <message>
        <source>while parsing a flow node</source>
        <translation>解析流式节点时</translation>
    </message>
    <message>
        <source>while parsing a node</source>
        <translation>解析节点时</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>%1 / %2 · %3</source>
        <translation>%1 / %2 · %3</translation>
    </message>
    <message>
        <source>%Ln event(s) in this lane.</source>
        <translation>此泳道共%Ln个事件。</translation>
    </message>
    <message>
        <source>Chronology</source>
        <translation>大事记</translation>
    </message>
    <message>
        <source>Tour: %1</source>
        <translation>导览：%1</translation>
    </message>
    <message>
        <source>%1 events in %2 lanes · %3 series · %4 sources</source>
        <translation>%1个事件，分属%2个泳道 · %3个数据系列 · %4个来源</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1（续）</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Lanes</source>
        <translation>泳道</translation>
    </message>
</context>
<context>
    <name>SavedViews</name>
    <message>
        <source>No saved views (Ctrl+D saves one)</source>
        <translation>没有保存的视图（按 Ctrl+D 保存）</translation>
    </message>
    <message>
        <source>%Ln filter(s)</source>
        <translation>%Ln个筛选条件</translation>
    </message>
    <message>
        <source>a selection</source>
        <translation>一项选择</translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation>保存的视图</translation>
    </message>
    <message>
        <source>Name of the view shown</source>
        <translation>当前视图的名称</translation>
    </message>
    <message>
        <source>Name this view, then Enter</source>
        <translation>为此视图命名，然后按 Enter</translation>
    </message>
    <message>
        <source>&amp;Save the view shown as:</source>
        <translation>将当前视图保存为(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Return to a view (Enter; Delete removes it):</source>
        <translation>返回某个视图(&amp;R)（Enter；Delete 删除）：</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Type a name for the view first.</source>
        <translation>请先输入视图名称。</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>已保存“%1”。</translation>
    </message>
    <message>
        <source>Removed “%1”.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message>
        <source>That is one of the chronology&apos;s own files; choose another name.</source>
        <translation>这是大事记自身的文件之一，请换一个文件名。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Exported %Ln view(s) to %1.</source>
        <translation>已将%Ln个视图导出到 %1。</translation>
    </message>
    <message>
        <source>Could not import %1: %2</source>
        <translation>无法导入 %1：%2</translation>
    </message>
    <message>
        <source>Imported %Ln view(s) from %1.</source>
        <translation>已从 %1 导入%Ln个视图。</translation>
    </message>
    <message>
        <source>Export saved views</source>
        <translation>导出保存的视图</translation>
    </message>
    <message>
        <source>Views (*.json)</source>
        <translation>视图 (*.json)</translation>
    </message>
    <message>
        <source>Import saved views</source>
        <translation>导入保存的视图</translation>
    </message>
    <message>
        <source>Views (*.json);;All files (*)</source>
        <translation>视图 (*.json);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search events  ( / )</source>
        <translation>搜索事件  （ / ）</translation>
    </message>
    <message>
        <source>Search events</source>
        <translation>搜索事件</translation>
    </message>
    <message>
        <source>Enter: next match · Shift+Enter: previous · ↓/↑: results · Esc: close</source>
        <translation>Enter：下一个匹配项 · Shift+Enter：上一个 · ↓/↑：结果 · Esc：关闭</translation>
    </message>
    <message>
        <source>Number of matches</source>
        <translation>匹配数</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source> · %Ln more filtered out</source>
        <translation> · 另有%Ln个被筛除</translation>
    </message>
    <message>
        <source>Enter: go to %1 · ↓: %Ln matching event(s)</source>
        <translation>Enter：转到%1 · ↓：%Ln个匹配事件</translation>
    </message>
    <message>
        <source>(%1% searched)</source>
        <translation>（已搜索%1%）</translation>
    </message>
    <message>
        <source>%Ln+ event(s) match…</source>
        <translation>已有%Ln+个事件匹配…</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>No event matches “%1”</source>
        <translation>没有与“%1”匹配的事件</translation>
    </message>
    <message>
        <source>first %1 listed</source>
        <translation>列出前%1个</translation>
    </message>
    <message>
        <source>%Ln event(s) match · Enter: next</source>
        <translation>%Ln个事件匹配 · Enter：下一个</translation>
    </message>
    <message>
        <source>(hidden lane)</source>
        <translation>（隐藏的泳道）</translation>
    </message>
</context>
<context>
    <name>Source</name>
    <message>
        <source>page %1</source>
        <translation>第%1版</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>Speech</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Visible dates</source>
        <translation>可见日期</translation>
    </message>
    <message>
        <source>Events in view</source>
        <translation>视图中的事件</translation>
    </message>
    <message>
        <source>Show or hide the problems in the files</source>
        <translation>显示或隐藏文件中的问题</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>加载进度</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop loading (File ▸ Cancel loading); the chronology shown stays</source>
        <translation>停止加载（文件 ▸ 取消加载）；保留当前显示的大事记</translation>
    </message>
    <message>
        <source>%1 of %Ln event(s) in view</source>
        <translation>视图中 %1 / %Ln 个事件</translation>
    </message>
    <message>
        <source> · %Ln lane(s) hidden</source>
        <translation> · 已隐藏%Ln个泳道</translation>
    </message>
    <message>
        <source>%Ln problem(s)</source>
        <translation>%Ln个问题</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Showing the chronology in the language chosen…</source>
        <translation>正在以所选语言显示大事记…</translation>
    </message>
</context>
<context>
    <name>Text</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>… and %Ln more</source>
        <translation>……另有%Ln个</translation>
    </message>
    <message>
        <source>Click to zoom in.</source>
        <translation>点击放大。</translation>
    </message>
    <message>
        <source>Click to select the next one.</source>
        <translation>点击选择下一个。</translation>
    </message>
    <message>
        <source>%Ln event(s)</source>
        <translation>%Ln个事件</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>%1 – ongoing</source>
        <translation>%1 – 至今</translation>
    </message>
    <message>
        <source>(approximate)</source>
        <translation>（近似）</translation>
    </message>
</context>
<context>
    <name>TimelineAccess</name>
    <message>
        <source>Showing %1, %2 of %n events</source>
        <translation>显示%1，%2 / %n个事件</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>%1 – ongoing</source>
        <translation>%1 – 至今</translation>
    </message>
    <message>
        <source>%1 (approximate)</source>
        <translation>%1（近似）</translation>
    </message>
    <message>
        <source>headline event</source>
        <translation>头条事件</translation>
    </message>
    <message>
        <source>major event</source>
        <translation>重要事件</translation>
    </message>
    <message>
        <source>%1, %2: %3 %4</source>
        <translation>%1，%2：%3 %4</translation>
    </message>
    <message>
        <source>%1, derived</source>
        <translation>%1，推算</translation>
    </message>
    <message>
        <source>%n events, %1</source>
        <translation>%n个事件，%1</translation>
    </message>
    <message>
        <source>%1. Selected: %2</source>
        <translation>%1。已选：%2</translation>
    </message>
</context>
<context>
    <name>Tours</name>
    <message>
        <source>Reduce motion</source>
        <translation>减少动画</translation>
    </message>
    <message>
        <source>Move between tour stops at once, without an animated transition</source>
        <translation>在导览各站之间直接切换，不使用过渡动画</translation>
    </message>
    <message>
        <source>%1 (%Ln stop(s))</source>
        <translation>%1（%Ln站）</translation>
    </message>
    <message>
        <source>This chronology has no tours</source>
        <translation>此大事记没有导览</translation>
    </message>
    <message>
        <source>Tour caption</source>
        <translation>导览说明</translation>
    </message>
    <message>
        <source>Page Down or Space: next stop · Page Up: previous · Esc: leave the tour</source>
        <translation>Page Down 或空格：下一站 · Page Up：上一站 · Esc：退出导览</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Stop %1 of %2</source>
        <translation>第%1站，共%2站</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>ViewFiles</name>
    <message>
        <source>a view is an object with a name, a start and an end</source>
        <translation>视图应是一个带有名称、开始和结束的对象</translation>
    </message>
    <message>
        <source>a view needs a name</source>
        <translation>视图必须有名称</translation>
    </message>
    <message>
        <source>view &apos;%1&apos;: start and end are epoch days, start before end</source>
        <translation>视图 &apos;%1&apos;：开始和结束须为纪元日数，且开始早于结束</translation>
    </message>
    <message>
        <source>not JSON: %1</source>
        <translation>不是 JSON：%1</translation>
    </message>
    <message>
        <source>&apos;views&apos; is a list of views</source>
        <translation>&apos;views&apos; 应是视图的列表</translation>
    </message>
    <message>
        <source>a views file is an object with a list of &apos;views&apos;</source>
        <translation>视图文件应是一个带有 &apos;views&apos; 列表的对象</translation>
    </message>
</context>
</TS>
