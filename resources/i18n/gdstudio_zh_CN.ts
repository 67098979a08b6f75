<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BlackBoxView</name>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="537"/>
        <source>Find the input</source>
        <extracomment>the part of the input axis always shown (the box&apos;s two probes, 1 and 2, and the answer) the tangent&apos;s length on screen, in pixels (short: it marks a slope, it must not cover things) a label&apos;s background: white, a little see-through, so lines behind it do not cut its text</extracomment>
        <translation>找出输入</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="540"/>
        <source>Purpose: find the input that makes the black box answer {target}.</source>
        <translation>目标：找到一个输入，让黑箱输出 {target}。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="545"/>
        <source>The box</source>
        <translation>黑箱</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="546"/>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="547"/>
        <source>Wanted output</source>
        <translation>想要的输出</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="548"/>
        <source>Reveal the box (teacher)</source>
        <translation>揭开黑箱（老师用）</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="549"/>
        <source>Reveal the curve inside the box</source>
        <translation>显示黑箱里面的曲线</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="550"/>
        <source>The black box</source>
        <translation>黑箱</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="551"/>
        <source>Output against input</source>
        <translation>输出随输入的变化</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="552"/>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="828"/>
        <source>input x</source>
        <translation>输入 x</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="553"/>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="554"/>
        <source>what the box computes</source>
        <translation>黑箱算的是什么</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="559"/>
        <source>First input x</source>
        <translation>第一次输入 x</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="587"/>
        <source>We cannot look inside the box, so we just try an input: &lt;b&gt;x = {x}&lt;/b&gt; (the blue triangle). This first try is the &lt;i&gt;initialization&lt;/i&gt;.</source>
        <translation>我们看不到黑箱里面，所以先随便试一个输入：&lt;b&gt;x = {x}&lt;/b&gt;（蓝色三角形）。这第一次尝试就是&lt;i&gt;初始化&lt;/i&gt;。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="593"/>
        <source>The input {x} goes into the box and &lt;b&gt;{out}&lt;/b&gt; comes out (the orange dot). What happens inside is the &lt;i&gt;forward&lt;/i&gt; calculation — hidden from us.</source>
        <translation>输入 {x} 进了黑箱，出来的是 &lt;b&gt;{out}&lt;/b&gt;（橙色圆点）。黑箱里面发生的计算就是&lt;i&gt;前向计算&lt;/i&gt;——我们看不见。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="597"/>
        <source>too high</source>
        <translation>偏大</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="597"/>
        <source>too low</source>
        <translation>偏小</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="599"/>
        <source>We wanted {target}. Loss = output − target = {out} − {target} = &lt;b&gt;{err}&lt;/b&gt; (the purple bar): {words}. The sign gives the direction, the size how far. (Descent makes half its square small: {loss}.)</source>
        <translation>我们想要 {target}。损失 = 输出 − 目标 = {out} − {target} = &lt;b&gt;{err}&lt;/b&gt;（紫色竖条）：{words}。正负号告诉我们方向，大小告诉我们差多远。（梯度下降要让它平方的一半变小：{loss}。）</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="611"/>
        <source>Backpropagation carries the error back through the box. Near x = {x} the output rises by about {slope} for each unit of input (the green tangent), so the gradient is error × slope = {err} × {slope} = &lt;b&gt;{grad}&lt;/b&gt;.</source>
        <translation>反向传播把误差穿过黑箱传回来。在 x = {x} 附近，输入每增加 1，输出大约增加 {slope}（绿色切线），所以梯度 = 误差 × 斜率 = {err} × {slope} = &lt;b&gt;{grad}&lt;/b&gt;。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="620"/>
        <source>Gradient descent: new input = {x} − {lr} × {grad} = &lt;b&gt;{new}&lt;/b&gt; (the blue arrow along the input axis).</source>
        <translation>梯度下降：新的输入 = {x} − {lr} × {grad} = &lt;b&gt;{new}&lt;/b&gt;（输入轴上的蓝色箭头）。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="635"/>
        <source>the box never answers {target}: its output does not change</source>
        <translation>黑箱永远不会输出 {target}：它的输出不会变化</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="641"/>
        <source>the box never answers {target}: its lowest answer is {out}, at x = {x}. The search stops there, where the slope is 0. Want {out} or more</source>
        <translation>黑箱永远不会输出 {target}：它最小的输出是 {out}，在 x = {x} 处。搜索停在那里，因为那里的斜率是 0。请把想要的输出设为 {out} 或更大</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="645"/>
        <source>the box never answers {target}: its highest answer is {out}, at x = {x}. The search stops there, where the slope is 0. Want {out} or less</source>
        <translation>黑箱永远不会输出 {target}：它最大的输出是 {out}，在 x = {x} 处。搜索停在那里，因为那里的斜率是 0。请把想要的输出设为 {out} 或更小</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="701"/>
        <source>wanted output {t}</source>
        <translation>想要的输出 {t}</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="751"/>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="824"/>
        <source>loss {e}</source>
        <translation>损失 {e}</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="770"/>
        <source>slope {s}</source>
        <translation>斜率 {s}</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="810"/>
        <source>step {s}</source>
        <translation>移动 {s}</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="830"/>
        <source>output (wanted {t})</source>
        <translation>输出（想要 {t}）</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="825"/>
        <source>{a}·x² + {b}·x</source>
        <translation>{a}·x² + {b}·x</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/black_box.py" line="829"/>
        <source>black box</source>
        <translation>黑箱</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="166"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="169"/>
        <source>Step ▶|</source>
        <translation>单步 ▶|</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="170"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="172"/>
        <source>One whole iteration: forward, loss, backpropagation, update (Right arrow or Page Down)</source>
        <translation>完整走一轮：前向计算、损失、反向传播、更新（右方向键或 Page Down）</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="176"/>
        <location filename="../../gdstudio/qt/controls.py" line="177"/>
        <source>Next phase</source>
        <translation>下一阶段</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="178"/>
        <source>Advance one phase of the loop (Shift+Right)</source>
        <translation>在循环中前进一个阶段（Shift+右方向键）</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="181"/>
        <source>◀ Back</source>
        <translation>◀ 后退</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="182"/>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="183"/>
        <source>Undo the last step exactly (Backspace)</source>
        <translation>准确地撤销上一步（Backspace）</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="186"/>
        <source>Reset ↺</source>
        <translation>重置 ↺</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="187"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="188"/>
        <source>Back to the initialization, same seed (Ctrl+R)</source>
        <translation>回到初始化，随机种子不变（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="196"/>
        <source>Run or pause training (Space)</source>
        <translation>运行或暂停训练（空格键）</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="197"/>
        <location filename="../../gdstudio/qt/controls.py" line="198"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="199"/>
        <location filename="../../gdstudio/qt/controls.py" line="200"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="202"/>
        <source>How far each gradient-descent step moves. Too large and training diverges.</source>
        <translation>每一步梯度下降走多远。太大的话，训练会发散。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="204"/>
        <location filename="../../gdstudio/qt/controls.py" line="205"/>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="207"/>
        <source>0 is plain gradient descent; larger values keep some of the previous step</source>
        <translation>0 是普通的梯度下降；数值越大，越多地保留上一步的移动</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="209"/>
        <location filename="../../gdstudio/qt/controls.py" line="210"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="212"/>
        <source>The same seed gives the same random numbers, so a run can be repeated</source>
        <translation>同样的种子产生同样的随机数，所以一次训练可以完全重复</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="214"/>
        <location filename="../../gdstudio/qt/controls.py" line="215"/>
        <source>Log scale for the loss</source>
        <translation>损失用对数刻度</translation>
    </message>
    <message>
        <source>⏸ Pause</source>
        <translation type="vanished">⏸ 暂停</translation>
    </message>
    <message>
        <source>▶ Run</source>
        <translation type="vanished">▶ 运行</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="223"/>
        <location filename="../../gdstudio/qt/controls.py" line="224"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="223"/>
        <location filename="../../gdstudio/qt/controls.py" line="224"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="229"/>
        <source>fastest</source>
        <translation>最快</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="231"/>
        <source>1 step/s</source>
        <translation>每秒 1 步</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/controls.py" line="232"/>
        <source>{n} steps/s</source>
        <translation>每秒 {n} 步</translation>
    </message>
</context>
<context>
    <name>CrackBoxView</name>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="126"/>
        <source>Crack the box</source>
        <translation>破解黑箱</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="130"/>
        <source>Purpose: copy the black box — find weights for z = {formula} so that the model gives the outputs recorded in the table.</source>
        <translation>目标：模仿黑箱——为 z = {formula} 找到合适的权重，让模型给出表格里记录的输出。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="135"/>
        <source>The model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="136"/>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="140"/>
        <source>Model family</source>
        <translation>模型类型</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="137"/>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="141"/>
        <source>Samples per step</source>
        <translation>每步用几个样本</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="138"/>
        <source>all (full batch)</source>
        <translation>全部（全批量）</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="139"/>
        <source>one at a time</source>
        <translation>每次一个</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="142"/>
        <source>Samples and model</source>
        <translation>样本和模型</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="143"/>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="374"/>
        <source>Loss landscape</source>
        <translation>损失地形图</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="144"/>
        <source>Why the run stopped</source>
        <translation>训练为什么停下来</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="145"/>
        <source>input x</source>
        <translation>输入 x</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="146"/>
        <source>output z</source>
        <translation>输出 z</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="151"/>
        <source>samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="151"/>
        <source>residual</source>
        <translation>残差</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="151"/>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="249"/>
        <source>Backpropagation hands this one sample&apos;s error back: {grads}. That is downhill for sample {i} alone (purple dashes), not for the whole table — so the path zig-zags.</source>
        <translation>反向传播把这一个样本的误差交回来：{grads}。这只是对样本 {i} 来说的下坡方向（紫色虚线），不是对整张表来说的——所以路径会走成“之”字形。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="260"/>
        <source>Gradient descent: each weight moves against its gradient, scaled by the learning rate {lr}: now {params}. On the landscape, the black arrow is this step.</source>
        <translation>梯度下降：每个权重都朝自己梯度的反方向走一步，步子的大小再乘以学习率 {lr}：现在是 {params}。在地形图上，黑色箭头就是这一步。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="269"/>
        <source>plateau: the loss stopped falling at {loss}, though this model could go lower. Try a smaller learning rate.</source>
        <translation>停滞：损失停在 {loss} 不再下降，其实这个模型还能更低。试试更小的学习率。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="284"/>
        <source>&lt;b&gt;Stuck on a plateau.&lt;/b&gt; The loss stopped falling at {loss}, though z = {formula} could copy these samples: the steps are too large. Lower the learning rate.</source>
        <translation>&lt;b&gt;卡在平台上了。&lt;/b&gt;损失停在 {loss} 不再下降，可是 z = {formula} 本来能模仿这些样本：每一步走得太大了。把学习率调小。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="290"/>
        <source>Try another model, e.g. z = {other}.</source>
        <translation>换一个模型试试，比如 z = {other}。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="295"/>
        <source>&lt;b&gt;Plateau: z = {formula} cannot copy the box exactly.&lt;/b&gt; No weights make it fit every sample, so it stopped at its best imitation: loss {loss}, not 0. {hint}</source>
        <translation>&lt;b&gt;停滞：z = {formula} 没办法完全模仿黑箱。&lt;/b&gt;不管权重怎么选，都不能让每个样本都对上，所以它停在了最好的模仿上：损失是 {loss}，而不是 0。{hint}</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="377"/>
        <source>Loss map: lighter = lower</source>
        <translation>损失地图：颜色越浅，损失越低</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="292"/>
        <source>Try another model family.</source>
        <translation>换一种模型类型试试。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="371"/>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="376"/>
        <source>weight {name}</source>
        <translation>权重 {name}</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="373"/>
        <source>loss (whole table)</source>
        <translation>损失（整张表）</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="161"/>
        <source>Starting weight w</source>
        <translation>初始权重 w</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="162"/>
        <source>Starting b or v</source>
        <translation>初始的 b 或 v</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="209"/>
        <source>We guess that the box computes &lt;b&gt;z = {formula}&lt;/b&gt; and start with {params}. Choosing the model family and its first weights is the &lt;i&gt;initialization&lt;/i&gt;.</source>
        <translation>我们猜黑箱算的是 &lt;b&gt;z = {formula}&lt;/b&gt;，先从 {params} 开始。选定模型类型和最初的权重，就是&lt;i&gt;初始化&lt;/i&gt;。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="217"/>
        <source>Sample {i}: the model turns the input {x} into &lt;b&gt;{z}&lt;/b&gt;. That is the &lt;i&gt;forward&lt;/i&gt; calculation.</source>
        <translation>样本 {i}：模型把输入 {x} 变成了 &lt;b&gt;{z}&lt;/b&gt;。这就是&lt;i&gt;前向计算&lt;/i&gt;。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="221"/>
        <source>The model computes an output for each of the {n} recorded inputs (the blue curve): the &lt;i&gt;forward&lt;/i&gt; calculation.</source>
        <translation>模型为记录下来的 {n} 个输入各算出一个输出（蓝色曲线）：这就是&lt;i&gt;前向计算&lt;/i&gt;。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="227"/>
        <source>too high</source>
        <translation>偏大</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="227"/>
        <source>too low</source>
        <translation>偏小</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="229"/>
        <source>The table says {y}, the model said {z}: error = {z} − {y} = &lt;b&gt;{e}&lt;/b&gt; ({words}). Over the whole table, the loss — half the mean squared error — is {loss}.</source>
        <translation>表格里是 {y}，模型算出 {z}：误差 = {z} − {y} = &lt;b&gt;{e}&lt;/b&gt;（{words}）。对整张表来说，损失（误差平方的平均值的一半）是 {loss}。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="240"/>
        <source>Each purple line is a residual, model minus sample. The loss is half the mean of their squares: &lt;b&gt;{loss}&lt;/b&gt;.</source>
        <translation>每条紫色线段是一个残差：模型减去样本。损失是它们平方的平均值的一半：&lt;b&gt;{loss}&lt;/b&gt;。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="254"/>
        <source>Backpropagation hands the errors back to the weights: {grads}. A positive value means: lower this weight; a negative one: raise it.</source>
        <translation>反向传播把误差交回给各个权重：{grads}。正数表示：把这个权重调小；负数表示：把它调大。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/crack_box.py" line="273"/>
        <source>plateau: z = {formula} cannot copy the box exactly; it stopped at the best imitation it can reach (loss {loss}). Try another model family.</source>
        <translation>停滞：z = {formula} 没办法完全模仿黑箱；它停在了自己能做到的最好模仿上（损失 {loss}）。换一种模型类型试试。</translation>
    </message>
</context>
<context>
    <name>GradientPlot</name>
    <message>
        <location filename="../../gdstudio/qt/plots.py" line="442"/>
        <location filename="../../gdstudio/qt/plots.py" line="474"/>
        <source>Gradient arrows</source>
        <translation>梯度箭头</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/plots.py" line="443"/>
        <location filename="../../gdstudio/qt/plots.py" line="475"/>
        <source>Gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/plots.py" line="484"/>
        <source>gradient of the loss along {name}</source>
        <translation>损失沿 {name} 方向的梯度</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/plots.py" line="487"/>
        <source>steps ago</source>
        <translation>几步之前</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/plots.py" line="492"/>
        <location filename="../../gdstudio/qt/plots.py" line="493"/>
        <source>∂loss/∂{name}</source>
        <translation>∂损失/∂{name}</translation>
    </message>
</context>
<context>
    <name>GuessView</name>
    <message>
        <location filename="../../gdstudio/qt/i18n.py" line="49"/>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="148"/>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="398"/>
        <source>The number line: every guess, and what B said</source>
        <translation>数轴：每一次猜测，以及 B 的回答</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="119"/>
        <source>Guess the number</source>
        <extracomment>the latest guesses handed to the number line on each redraw: as many as it shows, and the one above them (the dashed path comes in from it), so a redraw costs the same after a million steps as after ten</extracomment>
        <translation>猜数字</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="123"/>
        <source>Purpose: B has picked a secret number between {low} and {high}. A must find it, using only what B answers.</source>
        <translation>目标：B 在 {low} 到 {high} 之间想好了一个秘密数字。A 只能根据 B 的回答把它找出来。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_settings.py" line="92"/>
        <source>The game</source>
        <extracomment>a setting changed that needs a new game</extracomment>
        <translation>游戏设置</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_settings.py" line="93"/>
        <location filename="../../gdstudio/qt/tabs/guess_settings.py" line="101"/>
        <source>Lowest number</source>
        <translation>最小的数</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_settings.py" line="94"/>
        <location filename="../../gdstudio/qt/tabs/guess_settings.py" line="102"/>
        <source>Highest number</source>
        <translation>最大的数</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_settings.py" line="95"/>
        <source>Random secret (from the seed)</source>
        <translation>随机的秘密数字（由随机种子决定）</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_settings.py" line="96"/>
        <location filename="../../gdstudio/qt/tabs/guess_settings.py" line="103"/>
        <source>Secret number</source>
        <translation>秘密数字</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_settings.py" line="97"/>
        <source>B answers</source>
        <translation>B 怎么回答</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_settings.py" line="98"/>
        <source>in words: “too low” …</source>
        <translation>用词语：“太小了”……</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_settings.py" line="99"/>
        <source>exactly: the difference</source>
        <translation>精确地：说出差多少</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_settings.py" line="104"/>
        <source>How B answers</source>
        <translation>B 怎么回答</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="129"/>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="142"/>
        <source>Reveal the secret</source>
        <translation>揭晓秘密数字</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="130"/>
        <source>For the teacher: draw the secret on the number line</source>
        <translation>给老师用：在数轴上画出秘密数字</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="133"/>
        <source>Play the whole game twice on this secret — once with B answering in words, once with B giving the exact difference — and show both side by side</source>
        <translation>用这个秘密数字把整个游戏玩两遍——一遍 B 用词语回答，一遍 B 说出准确的差值——再把两遍并排显示出来</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="138"/>
        <source>You play A: type your guesses, the app answers as B</source>
        <translation>你来当 A：输入你的猜测，软件当 B 来回答</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_player.py" line="73"/>
        <source>Your guess:</source>
        <extracomment>Enter or the button: the view takes the guess (``take_guess``) what the hint says: (&quot;start&quot;,), (&quot;over&quot;,), (&quot;bad&quot;, problem, text), (&quot;said&quot;, guess)</extracomment>
        <translation>你的猜测：</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_player.py" line="74"/>
        <source>Guess</source>
        <translation>猜</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_settings.py" line="105"/>
        <source>Random secret</source>
        <translation>随机的秘密数字</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="143"/>
        <source>Race: vague answers against exact answers</source>
        <translation>比赛：模糊的回答对精确的回答</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="144"/>
        <source>You are A: type the guesses yourself</source>
        <translation>你是 A：自己输入猜测</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_player.py" line="76"/>
        <source>Your guess</source>
        <translation>你的猜测</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_player.py" line="77"/>
        <source>Say your guess to B</source>
        <translation>把你的猜测告诉 B</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_player.py" line="78"/>
        <source>What B says to your guess</source>
        <translation>B 对你的猜测说了什么</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="145"/>
        <source>The number line</source>
        <translation>数轴</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_race.py" line="56"/>
        <source>The race, side by side</source>
        <translation>比赛，并排来看</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_race.py" line="57"/>
        <source>Guesses each needed</source>
        <translation>各自需要猜几次</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_race.py" line="58"/>
        <source>In words</source>
        <translation>用词语</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_race.py" line="59"/>
        <source>Exactly</source>
        <translation>精确</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="157"/>
        <source>◀ Back to the game</source>
        <translation>◀ 回到游戏</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="159"/>
        <source>Race: vague vs exact</source>
        <translation>比赛：模糊对精确</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="162"/>
        <source>Stop being A</source>
        <translation>不当 A 了</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="162"/>
        <source>You are A</source>
        <translation>你来当 A</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_words.py" line="22"/>
        <source>too low</source>
        <translation>太小了</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_words.py" line="24"/>
        <source>low</source>
        <translation>小了</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_words.py" line="25"/>
        <source>a bit low</source>
        <translation>小了一点</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_words.py" line="27"/>
        <source>correct!</source>
        <translation>猜对了！</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_words.py" line="29"/>
        <source>a bit high</source>
        <translation>大了一点</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_words.py" line="31"/>
        <source>high</source>
        <translation>大了</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_words.py" line="33"/>
        <source>too high</source>
        <translation>太大了</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_words.py" line="41"/>
        <source>off by {miss}</source>
        <translation>差了 {miss}</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_words.py" line="48"/>
        <source>1 guess</source>
        <translation>1 次猜测</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_words.py" line="49"/>
        <source>{n} guesses</source>
        <translation>{n} 次猜测</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="174"/>
        <source>A has to start somewhere, so A simply guesses &lt;b&gt;{guess}&lt;/b&gt;. That first guess is the &lt;i&gt;initialization&lt;/i&gt;: a starting point, not yet knowledge.</source>
        <translation>A 总得从某个地方开始，所以 A 先随便猜 &lt;b&gt;{guess}&lt;/b&gt;。这第一次猜测就是&lt;i&gt;初始化&lt;/i&gt;：只是一个起点，还谈不上知道什么。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="180"/>
        <source>A says &lt;b&gt;{guess}&lt;/b&gt; out loud. Producing an answer from what you have now is the &lt;i&gt;forward&lt;/i&gt; calculation.</source>
        <translation>A 大声说出 &lt;b&gt;{guess}&lt;/b&gt;。用手头现有的东西给出一个答案，就是&lt;i&gt;前向计算&lt;/i&gt;。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="185"/>
        <source>B compares {guess} with the secret and says &lt;b&gt;“{answer}”&lt;/b&gt;. That answer is the loss as A hears it. (The plot shows the true loss, half the squared miss: {loss}.)</source>
        <translation>B 把 {guess} 和秘密数字比较，然后说 &lt;b&gt;“{answer}”&lt;/b&gt;。这句回答就是 A 听到的损失。（图上画的是真正的损失，即差值平方的一半：{loss}。）</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="191"/>
        <source>B says “correct!”: there is nothing left to carry back.</source>
        <translation>B 说“猜对了！”：已经没有需要传回去的东西了。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="194"/>
        <source>B hands the exact difference back to A: &lt;b&gt;{miss}&lt;/b&gt;. Direction and size together — a precise gradient.</source>
        <translation>B 把准确的差值交回给 A：&lt;b&gt;{miss}&lt;/b&gt;。方向和大小都有了——这是一个精确的梯度。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="198"/>
        <source>B&apos;s words travel back to A. They carry a direction (bigger or smaller) and a vague degree (“too”, “a bit”) — nothing more. A reads them as a miss of about &lt;b&gt;{estimate}&lt;/b&gt;.</source>
        <translation>B 的话传回给 A。它们只带着一个方向（大了还是小了）和一个模糊的程度（“太”“一点”）——仅此而已。A 把它理解为大约差了 &lt;b&gt;{estimate}&lt;/b&gt;。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="207"/>
        <source>A moves the guess from {old} to &lt;b&gt;{new}&lt;/b&gt;, against the direction B pointed, and never outside the range B&apos;s answers still allow. That move is the &lt;i&gt;gradient-descent&lt;/i&gt; step.</source>
        <translation>A 把猜测从 {old} 改成 &lt;b&gt;{new}&lt;/b&gt;：朝 B 指出的相反方向走，而且不会走出 B 的回答还允许的范围。这一步移动就是&lt;i&gt;梯度下降&lt;/i&gt;的一步。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_player.py" line="169"/>
        <source>&lt;b&gt;You are A now.&lt;/b&gt; Type a first guess from {low} to {high} above the number line and press Enter. Whatever you pick is your &lt;i&gt;initialization&lt;/i&gt;: a starting point, not yet knowledge.</source>
        <translation>&lt;b&gt;现在你是 A。&lt;/b&gt;在数轴上方输入第一个猜测（{low} 到 {high}），然后按回车。不管你选哪个数，它都是你的&lt;i&gt;初始化&lt;/i&gt;：只是一个起点，还谈不上知道什么。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_player.py" line="179"/>
        <source>B says &lt;b&gt;“correct!”&lt;/b&gt;: you found {secret} in {n}. Each answer you heard was the loss; turning it into your next guess was your own gradient-descent step.</source>
        <translation>B 说&lt;b&gt;“猜对了！”&lt;/b&gt;：你用了 {n}找到了 {secret}。你听到的每句回答都是损失；把它变成下一个猜测，就是你自己做的梯度下降。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_player.py" line="185"/>
        <source>the exact difference: the direction and the size of your miss</source>
        <translation>准确的差值：你偏了多少，以及往哪边偏</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_player.py" line="189"/>
        <source>a direction and a vague degree — nothing more</source>
        <translation>一个方向和一个模糊的程度——仅此而已</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_player.py" line="190"/>
        <source>You said {guess}; B answers &lt;b&gt;“{answer}”&lt;/b&gt;. That answer is all that travels back to you ({carried}). Now &lt;i&gt;you&lt;/i&gt; are the gradient descent: type a better guess.</source>
        <translation>你说了 {guess}；B 回答&lt;b&gt;“{answer}”&lt;/b&gt;。传回给你的只有这句回答（{carried}）。现在&lt;i&gt;你&lt;/i&gt;就是梯度下降：输入一个更好的猜测。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="216"/>
        <source>you found it! The secret number is {secret}, after {n}</source>
        <translation>你找到了！秘密数字是 {secret}，用了 {n}</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="219"/>
        <source>found it! The secret number is {secret}, after {n}</source>
        <translation>找到了！秘密数字是 {secret}，用了 {n}</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_race.py" line="94"/>
        <source>Here the vague answers needed {n} fewer: how far A steps (the learning rate) matters too.</source>
        <translation>这一次模糊的回答反而少用了 {n}：A 每一步走多远（学习率）也很重要。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_race.py" line="125"/>
        <source>In words: {n}</source>
        <translation>用词语：{n}</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_race.py" line="128"/>
        <source>Exactly: {n}</source>
        <translation>精确：{n}</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="394"/>
        <source>The number line: the last {k} of {n} guesses</source>
        <translation>数轴：{n} 次猜测中的最后 {k} 次</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_player.py" line="129"/>
        <source>✓ Correct! You found {secret} in {n}. Press Reset to play again.</source>
        <translation>✓ 猜对了！你用了 {n}找到了 {secret}。按“重置”再玩一次。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_player.py" line="133"/>
        <source>The game is over. Press Reset to play again.</source>
        <translation>游戏结束了。按“重置”再玩一次。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_player.py" line="137"/>
        <source>✗ Type a number first: a whole number from {low} to {high}.</source>
        <translation>✗ 请先输入一个数：{low} 到 {high} 之间的整数。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_player.py" line="141"/>
        <source>✗ {text} is outside {low}…{high}. Nothing was changed.</source>
        <translation>✗ {text} 不在 {low}…{high} 之间。什么都没有改变。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_player.py" line="145"/>
        <source>✗ “{text}” is not a whole number. Type one from {low} to {high}; nothing was changed.</source>
        <translation>✗ “{text}” 不是整数。请输入 {low} 到 {high} 之间的整数；什么都没有改变。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_player.py" line="152"/>
        <source>B says: “{answer}”. Your turn again.</source>
        <translation>B 说：“{answer}”。又轮到你了。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_player.py" line="156"/>
        <source>Type a whole number from {low} to {high}, then press Enter.</source>
        <translation>输入 {low} 到 {high} 之间的整数，然后按回车。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="388"/>
        <source>Your turn: type a guess</source>
        <translation>轮到你了：输入一个猜测</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="226"/>
        <source>A&apos;s first guess</source>
        <translation>A 的第一次猜测</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_race.py" line="80"/>
        <source>vague: {vague} · exact: {exact}</source>
        <translation>模糊：{vague} · 精确：{exact}</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_race.py" line="84"/>
        <source>One of them ran out of steps before finding the number.</source>
        <translation>其中一方还没找到数字，步数就用完了。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_race.py" line="88"/>
        <source>The precise answer found the number {n} sooner.</source>
        <translation>精确的回答少用了 {n}就找到了数字。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess_race.py" line="92"/>
        <source>This time both needed the same number of guesses.</source>
        <translation>这一次双方猜的次数一样多。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/guess.py" line="387"/>
        <location filename="../../gdstudio/qt/tabs/guess_race.py" line="122"/>
        <source>secret: {n}</source>
        <translation>秘密数字：{n}</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../gdstudio/qt/guide.py" line="29"/>
        <source>Guide for teachers</source>
        <translation>教师指南</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../gdstudio/qt/history_model.py" line="43"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/history_model.py" line="44"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/history_model.py" line="45"/>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/history_model.py" line="46"/>
        <source>distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/history_model.py" line="51"/>
        <source>grad {name}</source>
        <translation>梯度 {name}</translation>
    </message>
</context>
<context>
    <name>LandscapePlot</name>
    <message>
        <location filename="../../gdstudio/qt/tabs/landscape_plot.py" line="317"/>
        <source>lowest possible
loss {loss}</source>
        <extracomment>the landscape&apos;s shading, low loss light to high loss dark (blues: safe for colour-blind eyes)</extracomment>
        <translation>最低可能
损失 {loss}</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/landscape_plot.py" line="341"/>
        <source>loss of sample {i} alone</source>
        <translation>只看样本 {i} 时的损失</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/landscape_plot.py" line="358"/>
        <source>lowest point
loss {loss}</source>
        <translation>最低点
损失 {loss}</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/landscape_plot.py" line="371"/>
        <source>fits sample {i}</source>
        <translation>正好符合样本 {i}</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../gdstudio/qt/lesson.py" line="17"/>
        <source>Lesson</source>
        <translation>讲解</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../../gdstudio/qt/plots.py" line="141"/>
        <location filename="../../gdstudio/qt/plots.py" line="183"/>
        <source>Loss curve</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/plots.py" line="144"/>
        <location filename="../../gdstudio/qt/plots.py" line="185"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/plots.py" line="145"/>
        <location filename="../../gdstudio/qt/plots.py" line="186"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/plots.py" line="146"/>
        <location filename="../../gdstudio/qt/plots.py" line="187"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/plots.py" line="163"/>
        <location filename="../../gdstudio/qt/plots.py" line="189"/>
        <source>tolerance</source>
        <translation>容差</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="56"/>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="173"/>
        <location filename="../../gdstudio/qt/main_window.py" line="226"/>
        <source>Gradient Descent Studio</source>
        <translation>梯度下降工作室</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="174"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="175"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="176"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="177"/>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="178"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="179"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="180"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="181"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="183"/>
        <source>Run / Pause</source>
        <translation>运行 / 暂停</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="184"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="185"/>
        <source>Next phase</source>
        <translation>下一阶段</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="186"/>
        <source>Back one step</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="187"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="188"/>
        <source>Next scenario</source>
        <translation>下一个场景</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="189"/>
        <source>Previous scenario</source>
        <translation>上一个场景</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="190"/>
        <source>&amp;Open session…</source>
        <translation>打开存档(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="191"/>
        <source>&amp;Save session</source>
        <translation>保存存档(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="192"/>
        <source>Save session &amp;as…</source>
        <translation>存档另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="193"/>
        <source>Picture as PNG…</source>
        <translation>导出图片 PNG…</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="194"/>
        <source>Picture as SVG…</source>
        <translation>导出图片 SVG…</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="195"/>
        <source>History as CSV…</source>
        <translation>导出历史记录 CSV…</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="196"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="197"/>
        <source>Presentation mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="198"/>
        <source>Leave presentation mode</source>
        <translation>退出演示模式</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="199"/>
        <source>Guide for teachers</source>
        <translation>教师指南</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="200"/>
        <location filename="../../gdstudio/qt/main_window.py" line="502"/>
        <source>About Gradient Descent Studio</source>
        <translation>关于梯度下降工作室</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="201"/>
        <location filename="../../gdstudio/qt/main_window.py" line="519"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="202"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="203"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="204"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="211"/>
        <source>Scenarios</source>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="214"/>
        <source>Keys: Space run/pause · → or Page Down step · Shift+→ next phase · Backspace back · Ctrl+R reset · Ctrl+Tab next scenario · F1 guide</source>
        <translation>按键：空格 运行/暂停 · → 或 Page Down 单步 · Shift+→ 下一阶段 · Backspace 后退 · Ctrl+R 重置 · Ctrl+Tab 下一个场景 · F1 指南</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="234"/>
        <source>Guess the number</source>
        <translation>猜数字</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="235"/>
        <source>Black box</source>
        <translation>黑箱</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="236"/>
        <source>Rifle target</source>
        <translation>步枪打靶</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="330"/>
        <source>Open session</source>
        <translation>打开存档</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="344"/>
        <source>This session cannot be opened</source>
        <translation>这个存档打不开</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="359"/>
        <source>Save session</source>
        <translation>保存存档</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="375"/>
        <source>The session was not saved</source>
        <translation>存档没有保存</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="380"/>
        <source>Saved {file}</source>
        <translation>已保存 {file}</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="384"/>
        <source>gdstudio sessions (*.gdstudio.json *.json);;All files (*)</source>
        <translation>gdstudio 存档 (*.gdstudio.json *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="405"/>
        <source>(none yet)</source>
        <translation>（还没有）</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="415"/>
        <source>PNG picture (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="416"/>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="417"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="421"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="438"/>
        <source>Nothing was exported</source>
        <translation>什么也没有导出</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="440"/>
        <source>Exported {file}</source>
        <translation>已导出 {file}</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="504"/>
        <source>&lt;h3&gt;Gradient Descent Studio {version}&lt;/h3&gt;&lt;p&gt;See the loss function, backpropagation and gradient descent at work, step by step.&lt;/p&gt;&lt;p&gt;Licence: MIT.&lt;/p&gt;&lt;p&gt;The three scenarios — guess the number, the black box and the rifle target — follow the chapter on loss functions, backpropagation and gradient descent of a textbook on neural networks, whose facts and numbers they use; every text in this app is written afresh.&lt;/p&gt;&lt;p&gt;Built with Qt for Python (PySide6), pyqtgraph and NumPy.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;梯度下降工作室 {version}&lt;/h3&gt;&lt;p&gt;一步一步地看损失函数、反向传播和梯度下降是怎样工作的。&lt;/p&gt;&lt;p&gt;许可证：MIT。&lt;/p&gt;&lt;p&gt;三个场景——猜数字、黑箱和步枪打靶——参照了一本神经网络教材中讲损失函数、反向传播和梯度下降的那一章，只用了其中的事实和数字；本软件里的所有文字都是重新写的。&lt;/p&gt;&lt;p&gt;使用 Qt for Python (PySide6)、pyqtgraph 和 NumPy 制作。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/main_window.py" line="521"/>
        <source>&lt;table cellpadding=&apos;4&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Space&lt;/b&gt;&lt;/td&gt;&lt;td&gt;run / pause&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;→&lt;/b&gt; or &lt;b&gt;Page Down&lt;/b&gt;&lt;/td&gt;&lt;td&gt;one step&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Shift+→&lt;/b&gt;&lt;/td&gt;&lt;td&gt;next phase&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Backspace&lt;/b&gt; or &lt;b&gt;Page Up&lt;/b&gt;&lt;/td&gt;&lt;td&gt;back one step&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;reset&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Tab&lt;/b&gt;&lt;/td&gt;&lt;td&gt;next scenario&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt; / &lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;presentation mode on / off&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+S&lt;/b&gt; / &lt;b&gt;Ctrl+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;save / open a session&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;guide for teachers&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;quit&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellpadding=&apos;4&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Space&lt;/b&gt;&lt;/td&gt;&lt;td&gt;运行 / 暂停&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;→&lt;/b&gt; 或 &lt;b&gt;Page Down&lt;/b&gt;&lt;/td&gt;&lt;td&gt;走一步&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Shift+→&lt;/b&gt;&lt;/td&gt;&lt;td&gt;下一阶段&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Backspace&lt;/b&gt; 或 &lt;b&gt;Page Up&lt;/b&gt;&lt;/td&gt;&lt;td&gt;后退一步&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;重置&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Tab&lt;/b&gt;&lt;/td&gt;&lt;td&gt;下一个场景&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt; / &lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;打开 / 关闭演示模式&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+S&lt;/b&gt; / &lt;b&gt;Ctrl+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;保存 / 打开存档&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;教师指南&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;退出&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/application.py" line="81"/>
        <source>Something went wrong ({error}); the details are in {file}</source>
        <translation>出了点问题（{error}）；详细信息记在 {file} 里</translation>
    </message>
</context>
<context>
    <name>Phase</name>
    <message>
        <location filename="../../gdstudio/qt/i18n.py" line="43"/>
        <source>Initialization</source>
        <extracomment>the family name of the bundled subset (renamed, so it never clashes with an installed Noto) language code -&gt; the language&apos;s name in its own words (menus show these untranslated)</extracomment>
        <translation>初始化</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/i18n.py" line="44"/>
        <source>Forward</source>
        <translation>前向计算</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/i18n.py" line="45"/>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/i18n.py" line="46"/>
        <source>Backpropagation</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/i18n.py" line="47"/>
        <source>Gradient descent</source>
        <translation>梯度下降</translation>
    </message>
</context>
<context>
    <name>PhaseStrip</name>
    <message>
        <location filename="../../gdstudio/qt/phase_strip.py" line="39"/>
        <source>Phases of the training loop</source>
        <translation>训练循环的各个阶段</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/phase_strip.py" line="66"/>
        <source>↺ repeat 2–5</source>
        <translation>↺ 重复 2–5</translation>
    </message>
</context>
<context>
    <name>RifleView</name>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="170"/>
        <source>Rifle target</source>
        <translation>步枪打靶</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="174"/>
        <source>Purpose: hit the bullseye. After each burst, pull the target back, look at the holes and correct the aim.</source>
        <translation>目标：打中靶心。每打完一轮，把靶子拉回来，看看弹孔，再修正瞄准点。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_settings.py" line="72"/>
        <source>The range</source>
        <extracomment>a setting changed that needs a new model</extracomment>
        <translation>靶场</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_settings.py" line="75"/>
        <source>Shots per burst</source>
        <translation>每轮发数</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_settings.py" line="76"/>
        <source>How many shots are fired and averaged into one loss (a mini-batch).</source>
        <translation>每轮打几发，把它们平均成一个损失（一个小批量）。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_settings.py" line="82"/>
        <source>Wind drift</source>
        <translation>风的偏移</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_settings.py" line="83"/>
        <source>How far the wind pushes every bullet, in cm.</source>
        <translation>风把每颗子弹吹偏多远，单位是厘米。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_settings.py" line="86"/>
        <source>Wind blows towards</source>
        <translation>风吹向</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_settings.py" line="87"/>
        <source>0° = to the right, 90° = up, 180° = to the left, −90° = down.</source>
        <translation>0° = 向右，90° = 向上，180° = 向左，−90° = 向下。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_settings.py" line="92"/>
        <source>Dispersion</source>
        <translation>散布</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_settings.py" line="93"/>
        <source>The rifle&apos;s own random scatter: the typical miss of a single shot.</source>
        <translation>步枪本身的随机散布：单发子弹通常会偏多少。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_settings.py" line="99"/>
        <source>Sight error, right</source>
        <translation>准星偏差（向右）</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_settings.py" line="100"/>
        <source>With a perfect aim every bullet still lands this far to the right (negative: to the left).</source>
        <translation>即使瞄得完全准，每颗子弹也会向右偏这么多（负数：向左）。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_settings.py" line="107"/>
        <source>Sight error, up</source>
        <translation>准星偏差（向上）</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_settings.py" line="108"/>
        <source>With a perfect aim every bullet still lands this far up (negative: down).</source>
        <translation>即使瞄得完全准，每颗子弹也会向上偏这么多（负数：向下）。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_compare.py" line="68"/>
        <source>Shots per burst: compare</source>
        <translation>每轮发数：比一比</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_compare.py" line="72"/>
        <source>Compare: 1 shot vs 5 shots</source>
        <translation>比一比：每轮 1 发和 5 发</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_compare.py" line="73"/>
        <source>Fire {n} bursts of 5 shots (kept as a dashed grey loss curve), then run the same {n} steps with single shots.</source>
        <translation>先打 {n} 轮、每轮 5 发（保留为灰色虚线损失曲线），再用每轮 1 发跑同样的 {n} 步。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_compare.py" line="81"/>
        <source>Keep this loss curve</source>
        <translation>保留这条损失曲线</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_compare.py" line="82"/>
        <source>Freeze the current loss curve as a dashed grey ghost, then change a setting and compare.</source>
        <translation>把现在的损失曲线定格成一条灰色虚线，然后改一个设置再来比较。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_compare.py" line="90"/>
        <source>Remove the dashed curve</source>
        <translation>去掉虚线曲线</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_compare.py" line="91"/>
        <source>Remove the dashed grey comparison curve from the loss plot.</source>
        <translation>从损失图上去掉用来比较的灰色虚线。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_target.py" line="611"/>
        <source>aim (drag me)</source>
        <extracomment>the aim was dragged and dropped (or set by ``drop_aim``): x and y in cm, within bounds</extracomment>
        <translation>瞄准点（可拖动）</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_target.py" line="612"/>
        <source>Target with the bullet holes</source>
        <translation>带弹孔的靶子</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_close_up.py" line="65"/>
        <source>Close-up of the latest burst</source>
        <translation>最近一轮的特写</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_close_up.py" line="69"/>
        <source>Close-up: the latest burst</source>
        <translation>特写：最近一轮</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="259"/>
        <source>First aim, right (cm)</source>
        <translation>第一次瞄准，向右（厘米）</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="268"/>
        <source>First aim, up (cm)</source>
        <translation>第一次瞄准，向上（厘米）</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="191"/>
        <source>left</source>
        <translation>左边</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="192"/>
        <source>right</source>
        <translation>右边</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="193"/>
        <source>above</source>
        <translation>上方</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="194"/>
        <source>below</source>
        <translation>下方</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="195"/>
        <source>upper left</source>
        <translation>左上方</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="196"/>
        <source>upper right</source>
        <translation>右上方</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="197"/>
        <source>lower left</source>
        <translation>左下方</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="198"/>
        <source>lower right</source>
        <translation>右下方</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="199"/>
        <source>bullseye</source>
        <translation>靶心</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="201"/>
        <source>off the target</source>
        <translation>脱靶</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="201"/>
        <source>ring {n}</source>
        <translation>{n} 环</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="203"/>
        <source>ring 10, bullseye</source>
        <translation>10 环，正中靶心</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="205"/>
        <source>{where}, {side}</source>
        <translation>{where}，{side}</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="206"/>
        <source>{where}, {deg} degrees {side}</source>
        <translation>{where}，偏{side} {deg} 度</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_compare.py" line="32"/>
        <source>1 shot per burst</source>
        <translation>每轮 1 发</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_compare.py" line="33"/>
        <source>{k} shots per burst</source>
        <translation>每轮 {k} 发</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="215"/>
        <source>Xiao Ming aims somewhere on the target — here at ({x}, {y}) cm — and remembers how he held the rifle. That first aim is the &lt;i&gt;initialization&lt;/i&gt;. Drag the aim ⊕ on the target to start from somewhere else.</source>
        <translation>小明先随便瞄准靶上的一个地方——这里是 ({x}, {y}) 厘米——并记住自己是怎么端枪的。这第一次瞄准就是&lt;i&gt;初始化&lt;/i&gt;。在靶子上拖动瞄准点 ⊕，可以换一个地方开始。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="222"/>
        <source>He fires a burst of {k}. Sight error, wind and the rifle&apos;s own scatter push every bullet: the flight is the &lt;i&gt;forward&lt;/i&gt; calculation.</source>
        <translation>他连打 {k} 发。准星偏差、风和步枪本身的散布都会推动每颗子弹：子弹的飞行就是&lt;i&gt;前向计算&lt;/i&gt;。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="227"/>
        <source>He pulls the target back and looks: the holes are on average {d} cm from the centre. The burst&apos;s loss — half the mean squared distance — is &lt;b&gt;{loss}&lt;/b&gt;.</source>
        <translation>他把靶子拉回来看：弹孔离中心平均 {d} 厘米。这一轮的损失（距离平方的平均值的一半）是 &lt;b&gt;{loss}&lt;/b&gt;。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="240"/>
        <source>He shifts the aim against the gradient by {lr} × its length (the dashed arrow): the aim is now ({x}, {y}). That correction is the &lt;i&gt;gradient-descent&lt;/i&gt; step.</source>
        <translation>他把瞄准点朝梯度的反方向移动梯度长度的 {lr} 倍（虚线箭头）：现在瞄准 ({x}, {y})。这次修正就是&lt;i&gt;梯度下降&lt;/i&gt;的一步。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="247"/>
        <source>plateau: the aim is as good as it gets — the scatter of the shots keeps the loss from getting smaller (loss {loss})</source>
        <translation>停滞：瞄准已经不能更好了——子弹的散布让损失没法再变小（损失 {loss}）</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_compare.py" line="262"/>
        <source>comparison done: after step {skip} the loss jumps by {one} per step with single shots (solid blue), by {five} with bursts of 5 (dashed grey)</source>
        <translation>比较完成：第 {skip} 步之后，每轮 1 发时损失每步跳动 {one}（蓝色实线），每轮 5 发时跳动 {five}（灰色虚线）</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_compare.py" line="121"/>
        <source>Not possible: {error}</source>
        <translation>做不到：{error}</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_compare.py" line="148"/>
        <source>Nothing to keep yet: press Step or Run first.</source>
        <translation>还没有可以保留的曲线：先按“单步”或“运行”。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_compare.py" line="217"/>
        <source>this run: {burst}</source>
        <translation>这一次：{burst}</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_compare.py" line="239"/>
        <source>Does one shot per burst train as well as five? One click runs both on the same seed and draws both loss curves.</source>
        <translation>每轮打 1 发和打 5 发，训练效果一样好吗？点一下，就用同一个随机种子把两种都跑一遍，并画出两条损失曲线。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_compare.py" line="246"/>
        <source>Loss plot: dashed grey = {ghost}; solid blue = this run.</source>
        <translation>损失图：灰色虚线 = {ghost}；蓝色实线 = 这一次。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_compare.py" line="250"/>
        <source>Average jump of the loss from one step to the next (after step {skip}): dashed {ghost}, this run {live}.</source>
        <translation>损失从一步到下一步的平均跳动（第 {skip} 步之后）：虚线 {ghost}，这一次 {live}。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="339"/>
        <source>No shots yet: press Step to fire the first burst.</source>
        <translation>还没有开枪：按“单步”打出第一轮。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_close_up.py" line="73"/>
        <location filename="../../gdstudio/qt/tabs/rifle_target.py" line="719"/>
        <source>−gradient</source>
        <translation>−梯度</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="344"/>
        <source>Latest burst (step {step}), shot by shot:</source>
        <translation>最近一轮（第 {step} 步），逐发来看：</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_close_up.py" line="71"/>
        <location filename="../../gdstudio/qt/tabs/rifle_target.py" line="720"/>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle.py" line="233"/>
        <source>Looking at the holes is the &lt;i&gt;backpropagation&lt;/i&gt;: the mean hole ✖ sits at ({gx}, {gy}) — that vector is the gradient, with a direction and a size ({size} cm). The orange arrow is minus the gradient.</source>
        <translation>看弹孔就是&lt;i&gt;反向传播&lt;/i&gt;：弹孔的平均位置 ✖ 在 ({gx}, {gy})——这个向量就是梯度，它有方向也有大小（{size} 厘米）。橙色箭头是负梯度。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_compare.py" line="183"/>
        <source>kept run, {burst}</source>
        <translation>保留的那次，{burst}</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_compare.py" line="216"/>
        <source>{ghost} (dashed)</source>
        <translation>{ghost}（虚线）</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_target.py" line="749"/>
        <source>no wind</source>
        <translation>无风</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/rifle_target.py" line="752"/>
        <source>wind {cm} cm</source>
        <translation>风 {cm} 厘米</translation>
    </message>
</context>
<context>
    <name>SampleTable</name>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="105"/>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="198"/>
        <source>input x</source>
        <extracomment>the largest file the import reads (a table of MAX_SAMPLES rows is far smaller) rows the table shows without scrolling (the chapter&apos;s table has four)</extracomment>
        <translation>输入 x</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="105"/>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="198"/>
        <source>output y</source>
        <translation>输出 y</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="106"/>
        <source>Recorded samples of the box</source>
        <translation>记录下来的黑箱样本</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="108"/>
        <source>+ Add</source>
        <translation>+ 添加</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="108"/>
        <source>Add a sample row</source>
        <translation>添加一行样本</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="109"/>
        <source>− Remove</source>
        <translation>− 删除</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="109"/>
        <source>Remove the selected samples</source>
        <translation>删除选中的样本</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="110"/>
        <source>Import samples from a CSV file</source>
        <translation>从 CSV 文件导入样本</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="110"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="116"/>
        <source>Message about the sample table</source>
        <translation>关于样本表的提示</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="207"/>
        <source>Row {row}, {column}: “{text}” is not a finite number, so the table keeps {old}.</source>
        <translation>第 {row} 行，{column}：“{text}” 不是一个有限的数，所以表格保留原来的 {old}。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="224"/>
        <source>The table already holds {n} samples, the most it can.</source>
        <translation>表格里已经有 {n} 个样本，不能再多了。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="236"/>
        <source>Added row {row}; double-click a value to change it.</source>
        <translation>已添加第 {row} 行；双击一个数值就可以修改。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="248"/>
        <source>At least one sample must stay in the table.</source>
        <translation>表格里至少要留一个样本。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="260"/>
        <source>Import samples</source>
        <translation>导入样本</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="262"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="277"/>
        <source>{name} is too large for a sample table; the table was not changed.</source>
        <translation>{name} 太大了，放不进样本表；表格没有改变。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="285"/>
        <source>Could not read {name} ({error}); the table was not changed.</source>
        <translation>无法读取 {name}（{error}）；表格没有改变。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="294"/>
        <source>{name} is not a text file; the table was not changed.</source>
        <translation>{name} 不是文本文件；表格没有改变。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="308"/>
        <source>Imported {n} samples from {name}.</source>
        <translation>从 {name} 导入了 {n} 个样本。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="314"/>
        <source>the file</source>
        <translation>这个文件</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="317"/>
        <source>{file}, line {line}: expected two numbers (x, y) but found {count} values.</source>
        <translation>{file} 第 {line} 行：应该是两个数 (x, y)，但找到了 {count} 个值。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="320"/>
        <source>{file}, line {line}: “{text}” is not a finite number.</source>
        <translation>{file} 第 {line} 行：“{text}” 不是一个有限的数。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="324"/>
        <source>{file}, line {line}: more than {n} samples.</source>
        <translation>{file} 第 {line} 行：样本超过了 {n} 个。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="328"/>
        <source>{file} holds no samples.</source>
        <translation>{file} 里没有样本。</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/tabs/sample_table.py" line="330"/>
        <source>{problem} The table was not changed.</source>
        <translation>{problem}表格没有改变。</translation>
    </message>
</context>
<context>
    <name>ScenarioPage</name>
    <message>
        <location filename="../../gdstudio/qt/scenario_page.py" line="283"/>
        <source>Black box</source>
        <translation>黑箱</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/scenario_page.py" line="294"/>
        <source>Initialization: starting values</source>
        <translation>初始化：起始值</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/scenario_page.py" line="302"/>
        <source>History of every step</source>
        <translation>每一步的历史记录</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/scenario_page.py" line="360"/>
        <source>Not applied: {error}</source>
        <translation>没有应用：{error}</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/scenario_page.py" line="475"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/scenario_page.py" line="477"/>
        <source>ready</source>
        <translation>准备好了</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/scenario_page.py" line="477"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/scenario_page.py" line="483"/>
        <source>converged: the loss is below the tolerance ({tol})</source>
        <translation>收敛：损失已经低于容差（{tol}）</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/scenario_page.py" line="486"/>
        <source>plateau: the loss stopped going down above the tolerance; this model can only imitate the data</source>
        <translation>停滞：损失在容差之上就不再下降了；这个模型只能近似地模仿数据</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/scenario_page.py" line="489"/>
        <source>diverged: the learning rate is too large, each step overshoots. Lower it and press Reset</source>
        <translation>发散：学习率太大，每一步都走过了头。把它调小，再按“重置”</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/scenario_page.py" line="491"/>
        <source>step limit reached before the loss was small enough</source>
        <translation>损失还不够小，就已经到了步数上限</translation>
    </message>
    <message>
        <location filename="../../gdstudio/qt/scenario_page.py" line="498"/>
        <source>Step {step} · loss {loss} · {state}</source>
        <translation>第 {step} 步 · 损失 {loss} · {state}</translation>
    </message>
</context>
</TS>
