"""Korean and Japanese readings of a personal name written in Chinese characters.

The Han characters of a name are read differently in each language that writes them: "金正恩" is Mandarin
"Jin Zheng'en" but Korean "Kim Jong Un" (Hangul 김정은), and "山田太郎" is Mandarin "Shan Tian Tailang" but
Japanese "Yamada Taro". The transliterator reads every Han character as Mandarin pinyin, so a Korean name
in hanja or a Japanese name in kanji never matches the Latin spelling the lists give it. This module reads
such a name the other two ways, from tables of the names people bear:

- `korean_reading` gives the Hangul of a Korean name (a known surname, then given-name characters each read
  as its Korean sound), which the caller then romanises as any Hangul name;
- `japanese_reading` gives the passport spelling of a Japanese name (a known surname and a known given name,
  or a given name written in kana, which is spelled out sound by sound).

Japanese readings of kanji are not per character (山田 is "yamada", not "san-den"), so Japanese names are
read whole from tables; Korean hanja have one sound each, so Korean given names are read per character.
Either function returns None for a name it cannot read in full: a partial reading would only add noise. A
name may read both ways, and as Chinese too; the caller screens every reading and the lists decide.

Pure: no I/O. The tables are written out below as "reading spelling spelling ..." rows, parsed once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Korean surnames as South Korean names write them in Hangul: with the initial-sound law applied (李 is
# 이, not the original 리), as a surname is always the first syllable of the name. Simplified and Japanese
# forms of the characters are listed beside the Korean ones, as documents from China and Japan use them.
_KOREAN_SURNAME_ROWS = """
김 金 / 이 李 / 박 朴 / 최 崔 / 정 鄭 郑 丁 程 / 강 姜 康 / 조 趙 赵 曺 曹 / 윤 尹 / 장 張 张 蔣 蒋 章 莊 庄
임 林 任 / 한 韓 韩 / 오 吳 吴 呉 伍 / 서 徐 / 신 申 辛 愼 慎 / 권 權 权 権 / 황 黃 黄 / 안 安 / 송 宋
유 柳 劉 刘 兪 俞 庾 / 전 全 田 錢 钱 銭 / 홍 洪 / 고 高 / 문 文 / 양 梁 楊 杨 / 손 孫 孙 / 배 裵 裴
백 白 / 허 許 许 / 남 南 / 심 沈 / 노 盧 卢 魯 鲁 路 / 하 河 夏 / 곽 郭 / 성 成 / 차 車 车 / 주 朱 周
우 禹 于 宇 / 구 具 丘 邱 / 민 閔 闵 / 나 羅 罗 / 진 陳 陈 秦 晉 晋 / 지 池 智 / 엄 嚴 严 厳 / 채 蔡
원 元 / 천 千 / 방 方 房 龐 / 공 孔 公 / 현 玄 / 함 咸 / 변 卞 邊 边 辺 / 염 廉 / 여 呂 吕 余 / 추 秋
도 都 陶 / 소 蘇 苏 / 석 石 昔 / 선 宣 / 설 薛 / 마 馬 马 / 길 吉 / 연 延 燕 / 표 表 / 위 魏 韋 韦
명 明 / 기 奇 / 반 潘 班 / 왕 王 / 금 琴 / 옥 玉 / 육 陸 陆 / 인 印 / 맹 孟 / 제 諸 诸 / 탁 卓 / 모 牟
은 殷 / 편 片 / 팽 彭 / 승 承 / 봉 奉 / 동 董 / 빈 賓 宾 / 국 菊 鞠 / 태 太 / 두 杜 / 감 甘 / 옹 邕 雍
경 慶 庆 景 / 계 桂 / 갈 葛 / 부 夫 / 목 睦 / 뇌 雷 / 피 皮 / 궁 弓 / 사 史 / 평 平 / 복 卜 / 상 尙 尚
호 扈 胡 / 가 賈 贾 / 예 芮 / 온 溫 温 / 범 范 / 종 鍾 钟 宗 / 초 楚 / 어 魚 鱼 / 용 龍 龙 / 당 唐
형 邢 / 음 陰 / 등 鄧 邓 / 간 簡 / 엽 葉 叶 / 시 施 柴 / 단 段 / 순 荀 / 견 甄
남궁 南宮 / 제갈 諸葛 诸葛 / 황보 皇甫 / 선우 鮮于 鲜于 / 독고 獨孤 独孤 / 사공 司空 / 서문 西門 西门
동방 東方 东方 / 사마 司馬 司马
"""

# Korean sounds of the hanja of given names, in their original form (龍 is 룡, 女 is 녀): inside a name
# they are written so, and `_initial_sound_law` gives the form a given name's first syllable takes.
_KOREAN_GIVEN_ROWS = """
가 佳 嘉 可 家 歌 珂 價 伽 柯 / 각 珏 覺 恪 覚 / 간 侃 幹 玕 看 干 / 갈 葛 / 갑 甲
감 甘 鑑 鑒 監 感 / 강 康 剛 江 强 強 綱 鋼 岡 崗 姜 疆 刚 / 개 開 凱 介 凯 开 / 거 巨 居 擧 渠
건 建 健 乾 鍵 件 / 걸 傑 杰 / 검 儉 劍 檢 剣 検 倹 / 격 格 / 견 堅 甄 見 / 결 潔 結 / 겸 謙 兼
경 京 景 卿 慶 敬 炅 瓊 經 庚 鏡 耕 暻 璟 勁 競 境 鯨 警 憬 徑 経 庆
계 桂 啓 季 癸 計 溪 戒 繼 継 / 고 高 古 皐 考 固 / 곤 坤 昆 崑 琨 / 공 孔 公 功 恭 共 供 貢
과 果 科 / 곽 郭 / 관 寬 冠 官 觀 琯 貫 關 館 灌 寛 観 関 宽 观 / 광 光 廣 匡 洸 珖 鑛 広 广
교 敎 教 喬 橋 僑 皎 / 구 求 九 久 具 球 救 龜 丘 邱 玖 句 究 構 龟 / 국 國 菊 局 鞠 国
군 君 軍 群 郡 军 / 궁 宮 弓 / 권 權 卷 券 勸 権 权 / 귀 貴 贵 / 규 奎 圭 揆 珪 規 閨 葵
균 均 鈞 筠 钧 / 극 克 極 剋 / 근 根 槿 瑾 勤 謹 近 / 금 今 錦 琴 金 锦 / 급 及 級 急 / 긍 兢 肯
기 基 起 琪 箕 淇 奇 氣 紀 璣 麒 騏 技 己 記 期 機 祺 錡 沂 旗 器 騎 耆 纪 / 길 吉 佶
나 那 娜 / 난 暖 / 남 南 男 楠 / 낭 娘 / 내 乃 內 奈 耐 / 녀 女 / 년 年 / 념 念 / 녕 寧 宁
노 努 / 농 農 / 능 能 / 니 尼 / 다 多 茶 / 단 丹 端 旦 段 檀 團 団 / 달 達 达
담 潭 淡 談 譚 澹 / 답 答 / 당 堂 唐 當 / 대 大 代 臺 帶 待 對 戴 / 덕 德 悳 徳
도 道 度 都 島 桃 燾 陶 圖 導 渡 途 到 濤 涛 / 독 獨 篤 督 / 돈 敦 惇 燉 頓
동 東 童 同 棟 銅 桐 冬 動 洞 董 东 / 두 斗 杜 頭 枓 / 득 得 / 등 登 燈 等 鄧 灯
라 羅 / 락 洛 樂 落 楽 乐 / 란 蘭 欄 瀾 兰 / 람 覽 藍 嵐 / 랑 浪 朗 郎 廊 琅 / 래 來 萊 来
량 良 亮 梁 量 諒 糧 / 려 麗 呂 旅 黎 廬 丽 / 력 力 歷 曆 历 / 련 蓮 連 鍊 憐 煉 練 莲
렬 烈 列 / 렴 廉 濂 / 령 玲 鈴 令 領 靈 嶺 齡 / 례 禮 例 礼 / 로 路 魯 老 露 盧 爐
록 祿 錄 綠 鹿 禄 録 緑 / 론 論 / 뢰 雷 賴 / 료 了 僚 療 遼 / 룡 龍 竜 龙 / 루 樓 累
류 柳 流 留 類 琉 劉 / 륙 陸 六 / 륜 倫 崙 輪 綸 / 률 律 栗 / 륭 隆 / 릉 陵
리 利 理 里 李 梨 璃 莉 裏 履 / 린 麟 隣 璘 燐 / 림 林 琳 霖 臨 / 립 立
마 馬 麻 摩 磨 瑪 / 만 萬 滿 晩 曼 蔓 万 満 / 말 末 / 망 望 / 매 梅 每 邁 / 맹 孟 猛 盟
면 勉 冕 綿 面 / 명 明 命 鳴 銘 名 溟 鸣 铭 / 모 模 謨 慕 母 毛 牟 / 목 睦 穆 木 牧 目
몽 夢 蒙 / 묘 妙 卯 苗 / 무 武 茂 戊 務 舞 無 珷 / 묵 默 墨 / 문 文 汶 紋 門 聞 問 雯 / 물 物
미 美 味 微 眉 米 彌 未 尾 薇 弥 / 민 敏 民 玟 旻 珉 岷 閔 憫 泯 / 밀 密
박 博 朴 泊 珀 / 반 盤 班 磐 潘 半 / 발 發 渤 发 / 방 方 邦 芳 訪 放 房 / 배 培 倍 裵 配
백 伯 百 白 栢 柏 / 번 繁 蕃 / 범 範 凡 汎 帆 范 / 법 法 / 벽 碧 璧 / 변 變 卞 / 별 別
병 炳 秉 丙 柄 昞 昺 兵 並 / 보 寶 甫 保 輔 普 步 譜 補 報 潽 宝 / 복 福 馥 復 伏 / 본 本
봉 奉 鳳 峰 琫 逢 蓬 峯 凤 / 부 富 夫 扶 傅 府 副 付 / 분 芬 粉 / 불 佛 / 붕 鵬 朋
비 斐 丕 飛 妃 備 比 / 빈 彬 斌 賓 濱 浜 / 빙 氷 聘
사 士 思 史 四 師 絲 社 沙 泗 司 仕 斯 使 舍 獅 舎 / 산 山 珊 産 / 삼 三 杉 森
상 相 祥 尙 尚 商 上 常 象 翔 湘 庠 想 賞 霜 / 생 生
서 瑞 序 緖 西 書 舒 恕 叙 敍 誓 曙 緒 书 / 석 錫 石 奭 晳 碩 夕 析 釋 釈 锡
선 善 先 宣 仙 鮮 璇 瑄 選 旋 禪 線 船 / 설 雪 卨 說 薛 設 / 섭 燮 涉 攝 渉 摂
성 成 星 聖 誠 性 省 城 盛 晟 醒 聲 圣 / 세 世 洗 勢 歲 細 / 소 素 昭 小 少 所 紹 蘇 韶 沼
손 孫 遜 / 솔 率 / 송 松 宋 頌 誦 / 수 秀 洙 壽 守 修 銖 樹 水 受 首 殊 琇 遂 須 隨 收 寿
숙 淑 肅 叔 宿 熟 琡 / 순 順 純 淳 舜 珣 旬 洵 荀 筍 顺 / 술 述 / 숭 崇 嵩 / 슬 瑟 / 습 習
승 承 昇 勝 升 乘 丞 乗 / 시 時 始 市 施 詩 是 視 / 식 植 湜 軾 式 息 識 殖
신 信 新 申 神 臣 身 伸 紳 晨 愼 慎 / 실 實 室 実 实 / 심 心 深 沈 審 / 십 十 / 쌍 雙
아 兒 雅 娥 亞 阿 芽 亜 児 / 악 岳 / 안 安 晏 岸 顔 / 암 巖 岩 巌 / 애 愛 爱 / 야 也 / 약 若 約
양 陽 洋 揚 養 楊 樣 壤 / 어 魚 漁 御 / 억 億 亿 / 언 彦 言 / 엄 嚴 / 업 業 / 여 如 汝 余 與 餘 与
역 亦 易 / 연 然 延 淵 硏 燕 衍 沇 姸 娟 演 鉛 緣 宴 軟 研 / 열 悅 熱 閱 悦 / 염 炎 艶 琰
엽 葉 燁 叶 / 영 永 英 榮 泳 映 瑛 渶 煐 暎 影 營 迎 盈 栄 営 荣
예 藝 睿 叡 銳 譽 預 乂 誉 鋭 / 오 五 午 吾 悟 梧 烏 晤 / 옥 玉 沃 鈺 / 온 溫 温 / 옹 翁
완 完 玩 婉 琓 浣 緩 / 왕 王 旺 汪 / 요 堯 耀 曜 要 瑤 姚 搖 / 용 容 用 庸 鏞 湧 勇 溶 瑢 鎔 甬
우 宇 雨 佑 祐 友 禹 羽 于 又 優 愚 遇 右 牛 旴 / 욱 旭 昱 郁 煜 頊 彧 / 운 雲 運 云 芸 韻
울 蔚 / 웅 雄 熊 / 원 元 源 原 遠 圓 園 媛 瑗 院 願 苑 援 远 圆 园 / 월 月
위 偉 位 衛 威 緯 韋 渭 伟 / 유 裕 有 由 維 儒 唯 惟 幼 攸 楡 柔 兪 遊 乳 游 悠 酉 猶 誘 諭 愈
육 育 / 윤 允 潤 胤 尹 鈗 玧 閏 / 융 融 / 은 恩 銀 隱 殷 誾 垠 珢 银 / 을 乙 / 음 音
응 應 膺 鷹 応 应 / 의 義 宜 儀 誼 意 依 毅 义 / 이 二 以 已 伊 珥 怡 頤 異 / 익 益 翊 翼
인 仁 寅 印 因 人 引 認 / 일 日 一 逸 溢 壹 佾 / 임 任 壬 妊 稔
자 子 慈 滋 姿 資 紫 自 / 작 作 爵 灼 / 장 長 章 張 壯 莊 將 場 獎 璋 障 藏 樟 将 荘 壮 蔵 奨 长 庄
재 在 才 材 宰 栽 載 哉 財 再 齋 梓 斎 载 / 저 著 / 적 赤 迪 績 寂 / 전 全 田 典 傳 前 展 殿 銓 伝
절 節 / 점 點 / 정 正 貞 鄭 廷 政 晶 定 庭 丁 鼎 禎 楨 程 精 靜 情 井 亭 挺 征 頂 珽 汀 呈 渟 静 贞
제 濟 帝 悌 堤 齊 制 諸 提 第 斉 済 齐 济 / 조 祚 朝 兆 祖 照 趙 調 造 助 曺 / 존 存 尊
종 鍾 宗 鐘 種 琮 綜 終 淙 钟 / 좌 佐 左 / 주 周 珠 朱 柱 宙 住 注 株 州 炷 駐 奏 洲 主 / 죽 竹
준 俊 峻 準 浚 濬 駿 埈 晙 竣 雋 遵 / 중 中 重 仲 衆 / 증 增 曾 烝
지 智 志 知 之 池 枝 址 芝 旨 持 地 止 至 祉 / 직 直 稙
진 珍 眞 真 鎭 鎮 辰 進 晋 晉 振 陳 秦 津 震 盡 镇 进 / 집 集 / 징 澄 徵 徴
차 次 且 / 찬 燦 贊 讚 璨 瓚 纘 賛 讃 / 찰 察 / 참 參 / 창 昌 彰 倉 暢 敞 滄 蒼 唱 創
채 采 彩 埰 菜 蔡 / 책 策 / 천 天 千 泉 川 / 철 哲 鐵 喆 徹 澈 鉄 铁 / 청 淸 清 靑 青 晴 聽 聴
체 體 / 초 初 超 草 楚 / 총 聰 總 寵 / 최 最 / 추 秋 樞 / 축 祝 築 / 춘 春 椿 / 출 出
충 忠 充 沖 衷 / 취 就 翠 / 치 治 致 / 친 親 / 칠 七 / 쾌 快 / 탁 卓 琢 / 태 泰 太 台 兌 態
택 澤 宅 擇 沢 泽 / 토 土 / 통 通 統 / 특 特 / 파 波 坡 巴 / 판 判 / 팔 八 / 패 沛 / 팽 彭
평 平 坪 評 / 포 包 浦 布 / 표 杓 表 彪 標 漂 / 품 品 / 풍 豊 豐 風 丰 / 필 弼 必 筆 泌
하 夏 河 賀 廈 霞 荷 何 / 학 學 鶴 学 鹤 / 한 漢 翰 韓 寒 閑 限 汉 韩 / 함 咸 含 涵 / 합 合
항 恒 港 航 亢 項 / 해 海 解 亥 諧 / 행 幸 行 / 향 香 鄕 向 享 / 허 許 虛 / 헌 憲 軒 獻 献
혁 赫 革 爀 奕 / 현 賢 鉉 炫 玄 顯 弦 絃 泫 現 峴 晛 睍 玹 顕 贤 铉 / 협 協 俠
형 亨 炯 衡 瀅 馨 兄 型 形 / 혜 惠 慧 蕙 彗 恵 / 호 浩 鎬 昊 虎 好 湖 皓 晧 豪 號 護 灝 祜 顥 镐
홍 洪 弘 鴻 泓 紅 鸿 红 / 화 和 華 花 禾 化 火 华 / 확 確 / 환 煥 桓 歡 環 換 晥 奐 歓 焕 / 활 活
황 黃 晃 滉 煌 皇 璜 黄 / 회 會 回 懷 晦 会 / 효 孝 曉 效 晓 / 후 厚 後 候 垕
훈 勳 勛 薰 訓 熏 勲 薫 勋 / 휘 輝 徽 暉 揮 辉 / 휴 休 烋 / 흠 欽 钦 / 흥 興 兴
희 熙 姬 喜 希 禧 熹 憙 曦 僖 嬉 羲
"""

# Simplified forms of given-name hanja not already listed above, as names from China are written in them.
_KOREAN_GIVEN_SIMPLIFIED_ROWS = """
라 罗 / 람 岚 / 려 吕 / 련 连 炼 练 怜 / 령 龄 岭 灵 领 铃 / 로 卢 / 록 录 绿 / 론 论 / 뢰 赖
료 疗 辽 / 루 楼 / 류 类 刘 / 륙 陆 / 륜 伦 纶 轮 / 린 邻 / 림 临 / 마 马 / 만 满 / 매 迈 / 몽 梦
무 务 无 / 문 闻 问 门 纹 / 민 闵 / 반 盘 / 방 访 / 보 报 补 谱 辅 / 비 备 飞 / 빈 宾 滨 / 사 师 丝 狮
산 产 / 상 赏 / 서 绪 / 석 释 / 선 选 禅 线 鲜 / 설 说 设 / 섭 摄 / 성 声 诚 / 세 势 岁 细 / 소 绍 苏
손 孙 逊 / 송 颂 诵 / 수 树 随 须 / 숙 肃 / 순 纯 / 시 诗 时 视 / 식 识 / 신 绅 / 심 审 / 쌍 双
아 儿 亚 / 양 杨 扬 养 样 / 어 渔 / 엄 严 / 업 业 / 연 渊 缘 / 염 艳 / 영 营 / 예 艺 锐 预 / 오 乌
요 尧 瑶 摇 / 우 优 / 운 运 韵 / 원 愿 / 위 卫 纬 韦 / 유 维 犹 诱 谕 / 윤 润 闰 / 은 隐 / 의 仪 谊
이 异 / 인 认 / 자 资 / 장 张 场 奖 / 재 财 斋 / 적 绩 / 전 传 铨 / 절 节 / 점 点 / 정 郑 祯 桢 顶
제 诸 / 조 调 赵 / 종 种 综 终 / 주 驻 / 준 骏 准 / 중 众 / 진 尽 陈 / 찬 赞 灿 / 창 苍 仓 畅 创
철 彻 / 청 听 / 체 体 / 총 聪 总 宠 / 추 枢 / 축 筑 / 충 冲 / 친 亲 / 택 择 / 통 统 / 평 评 / 풍 风
필 笔 / 하 贺 厦 / 한 闲 / 항 项 / 해 谐 / 향 乡 / 허 许 虚 / 헌 宪 轩 / 현 显 现 / 협 协 侠
호 护 号 灏 / 확 确 / 환 欢 环 换 / 회 怀 / 훈 训 / 휘 挥 晖
"""

# Japanese surnames in passport spelling (see `_passport`): long vowels written single (佐藤 "sato", 大野
# "ono"), but ei and ii kept ("ishii") and ou or uu kept where they are two syllables, not a long vowel
# (井上 "inoue", 松浦 "matsuura"). Variant forms of a character (邊/邉 for 辺, 齋 for 斎) are listed too.
_JAPANESE_SURNAME_ROWS = """
sato 佐藤 / suzuki 鈴木 / takahashi 高橋 髙橋 / tanaka 田中 / ito 伊藤 伊東 / watanabe 渡辺 渡邊 渡邉 渡部
yamamoto 山本 / nakamura 中村 / kobayashi 小林 / kato 加藤 / yoshida 吉田 / yamada 山田
sasaki 佐々木 佐佐木 / yamaguchi 山口 / matsumoto 松本 / inoue 井上 / kimura 木村 / hayashi 林
saito 斎藤 斉藤 齋藤 齊藤 / shimizu 清水 / yamazaki 山崎 山﨑 / mori 森 / ikeda 池田 / hashimoto 橋本 橋下
abe 阿部 安倍 安部 / ishikawa 石川 / yamashita 山下 / nakajima 中島 / ishii 石井 / ogawa 小川
maeda 前田 / okada 岡田 / hasegawa 長谷川 / fujita 藤田 / goto 後藤 / kondo 近藤 / murakami 村上
endo 遠藤 / aoki 青木 / sakamoto 坂本 阪本 / fukuda 福田 / ota 太田 大田 / nishimura 西村
fujii 藤井 / kaneko 金子 / okamoto 岡本 / fujiwara 藤原 / nakano 中野 / miura 三浦 / harada 原田
nakagawa 中川 / matsuda 松田 / takeuchi 竹内 / ono 小野 大野 / tamura 田村 / nakayama 中山 / wada 和田
ishida 石田 / morita 森田 盛田 / ueda 上田 植田 / hara 原 / uchida 内田 / shibata 柴田
sakai 酒井 坂井 / miyazaki 宮崎 / yokoyama 横山 / takagi 高木 / ando 安藤 / miyamoto 宮本
kojima 小島 児島 / taniguchi 谷口 / imai 今井 / kudo 工藤 / takada 高田 / masuda 増田
maruyama 丸山 / sugiyama 杉山 / murata 村田 / otsuka 大塚 / arai 新井 荒井 / koyama 小山
hirano 平野 / fujimoto 藤本 / kono 河野 / ueno 上野 / noguchi 野口 / takeda 武田 竹田 / matsui 松井
chiba 千葉 / iwasaki 岩崎 / sugawara 菅原 / kinoshita 木下 / kubo 久保 / sano 佐野 / nomura 野村
matsuo 松尾 / ichikawa 市川 / kikuchi 菊地 菊池 / sugimoto 杉本 / furukawa 古川 / onishi 大西
shimada 島田 嶋田 / mizuno 水野 / sakurai 桜井 櫻井 / takano 高野 / yoshikawa 吉川 / yamauchi 山内
nishida 西田 / iida 飯田 / nishikawa 西川 / komatsu 小松 / kitamura 北村 / yasuda 安田
igarashi 五十嵐 / kawaguchi 川口 / hirata 平田 / seki 関 關 / nakata 中田 / kubota 久保田
hattori 服部 / higashi 東 / iwata 岩田 / tsuchiya 土屋 / kawasaki 川崎 / fukushima 福島
honda 本田 本多 / tsuji 辻 / higuchi 樋口 / akiyama 秋山 / taguchi 田口 / nagai 永井 長井
yamanaka 山中 / nakanishi 中西 / yoshimura 吉村 / kawakami 川上 / ohashi 大橋 / ishihara 石原
matsuoka 松岡 / asano 浅野 / araki 荒木 / okubo 大久保 / noda 野田 / ozawa 小沢 小澤
tanabe 田辺 田邊 / kawamura 川村 河村 / hoshino 星野 / tani 谷 / kuroda 黒田 / hori 堀 / ozaki 尾崎
mochizuki 望月 / nagata 永田 長田 / kumagai 熊谷 / naito 内藤 / matsumura 松村 / nishiyama 西山
otani 大谷 / hirai 平井 / oshima 大島 / iwamoto 岩本 / katayama 片山 / honma 本間 / hayakawa 早川
yokota 横田 / okazaki 岡崎 / oishi 大石 / kamata 鎌田 / narita 成田 / miyata 宮田 / oda 小田 織田
ishibashi 石橋 / shinohara 篠原 / sudo 須藤 / kawai 河合 川合 / okawa 大川 / yoshioka 吉岡
sakaguchi 坂口 / imamura 今村 / takayama 高山 / matsushita 松下 / sugiura 杉浦 / koike 小池
nakao 中尾 / sekiguchi 関口 / kitagawa 北川 / sugano 菅野 / hagiwara 萩原 / miyashita 宮下
matsuura 松浦 / omori 大森 / konishi 小西 / oka 岡 / tomita 富田 / tajima 田島 / aoyama 青山
fujikawa 藤川 / okumura 奥村 / kuwabara 桑原 / miyake 三宅 / hirose 広瀬 廣瀬 / nishi 西
koizumi 小泉 / hamada 浜田 濱田 / kaneda 金田 / mizutani 水谷 / okano 岡野 / nagano 長野 永野
onodera 小野寺 / tsuda 津田 / horie 堀江 / hirayama 平山 / izumi 泉 / ishiguro 石黒 / sakata 坂田
yano 矢野 / yoshizawa 吉沢 吉澤 / aizawa 相沢 相澤 / adachi 足立 安達 / fujisawa 藤沢 藤澤
yamagishi 山岸 / komori 小森 / tsutsumi 堤 / nishio 西尾 / kawashima 川島 / hoshi 星 / tokunaga 徳永
arakawa 荒川 / hirota 広田 廣田 / kishimoto 岸本 / miyagawa 宮川 / sakuma 佐久間 / kuroki 黒木
matsuzaki 松崎 / shiraishi 白石 / kataoka 片岡 / yamane 山根 / morimoto 森本 / nakai 中井
tsukamoto 塚本 / okuda 奥田 / murai 村井 / miyauchi 宮内 / kanai 金井 / sawada 沢田 澤田
ogura 小倉 / shibuya 渋谷 / kawano 川野 / yamaoka 山岡 / terada 寺田 / ishigaki 石垣 / asai 浅井
morishita 森下 / oyama 大山 / nakazawa 中沢 中澤 / yamakawa 山川 / kawahara 川原 河原
ishizuka 石塚 / nakahara 中原 / iwai 岩井 / nagasawa 長沢 長澤 / sugita 杉田 / koga 古賀
fukumoto 福本 / minami 南 / kamiya 神谷 / nakatani 中谷 / tanimoto 谷本 / toda 戸田 / nagao 長尾
kanda 神田 / hiraoka 平岡 / kasai 葛西 笠井 / tsuchida 土田 / kurata 倉田 / kitahara 北原
takenaka 竹中 / matsunaga 松永 / nishino 西野 / uemura 植村 上村 / ogata 緒方 尾形 / ninomiya 二宮
hamasaki 浜崎 / higa 比嘉 / miyagi 宮城 / oshiro 大城 / kinjo 金城 / chinen 知念 / nakama 仲間
matsuyama 松山 / takashima 高島 / ashida 芦田 / nozaki 野崎 / sonoda 園田 / niwa 丹羽
yoshimoto 吉本 / anzai 安西 / tsuruta 鶴田 / shimura 志村 / okabe 岡部 / umeda 梅田 / shiota 塩田
kusano 草野 / usui 臼井 / fukunaga 福永 / kamei 亀井 / yoneda 米田 / okuyama 奥山 / tokuda 徳田
ogasawara 小笠原 / hatano 波多野 / kashiwagi 柏木 / nishimoto 西本 / muto 武藤 / eto 江藤
nanba 難波 / hamaguchi 浜口 / kitajima 北島 / nagashima 長嶋 長島 / nomo 野茂 / nishikori 錦織
osaka 大坂 / hachimura 八村 / asada 浅田 / icho 伊調 / hanyu 羽生 / kagawa 香川 / fukuyama 福山
aragaki 新垣 / kishida 岸田 / suga 菅 / aso 麻生 / hatoyama 鳩山 / ishiba 石破 / obuchi 小渕
murayama 村山 / hosokawa 細川 / hata 羽田 秦 / miyazawa 宮沢 宮澤 / takeshita 竹下 / kaifu 海部
uno 宇野 / nakasone 中曽根 / ohira 大平 / miki 三木 / kishi 岸 / nikai 二階 / motegi 茂木
amari 甘利 / takaichi 高市 / edano 枝野 / tamaki 玉木 / shii 志位 / matsuno 松野 / kamikawa 上川
inada 稲田 / inose 猪瀬 / masuzoe 舛添 / yanai 柳井 / mikitani 三木谷 / toyoda 豊田 / inamori 稲盛
son 孫 / ibuka 井深 / kurosawa 黒沢 黒澤 / kitano 北野 / mishima 三島 / kawabata 川端 / oe 大江
natsume 夏目 / akutagawa 芥川 / dazai 太宰 / yukawa 湯川 / tomonaga 朝永 / esaki 江崎 / amano 天野
kajita 梶田 / manabe 真鍋 / noyori 野依 / koshiba 小柴 / shirakawa 白川 / fukui 福井
tonegawa 利根川 / shimomura 下村 / negishi 根岸 / nanbu 南部 / masukawa 益川 / yoshino 吉野
honjo 本庶 / osumi 大隅 / akasaki 赤崎 / tokugawa 徳川 / toyotomi 豊臣 / sanada 真田 / date 伊達
akechi 明智 / minamoto 源 / taira 平 / saigo 西郷 / kido 木戸 / itagaki 板垣 / okuma 大隈
yamagata 山県 山縣 / katsura 桂 / konoe 近衛 / tojo 東條 東条 / togo 東郷 / nogi 乃木
shibusawa 渋沢 澁澤 / mitsui 三井 / fukuzawa 福沢 福澤 / nitobe 新渡戸 / yosano 与謝野
kitasato 北里 / shiga 志賀 / ozu 小津 / mizoguchi 溝口 / tezuka 手塚 / takahata 高畑 / hojo 北条
uesugi 上杉 / asahara 麻原 / joyu 上祐 / shigenobu 重信 / okudaira 奥平 / maruoka 丸岡
bando 坂東 板東 / wako 和光 / tsukasa 司 / shinoda 篠田 / kiyota 清田 / uchibori 内堀
tanoue 田上 / irie 入江 / tachibana 橘 立花
"""

# Japanese given names in passport spelling, the commonest reading of each spelling (a name written 博
# may be Hiroshi or Hiroki; the table says Hiroshi). Names written in kana are spelled out instead.
_JAPANESE_GIVEN_ROWS = """
taro 太郎 / ichiro 一郎 一朗 / jiro 次郎 二郎 治郎 / saburo 三郎 / shiro 四郎 史郎 志郎
goro 五郎 吾郎 / rokuro 六郎 / hachiro 八郎 / kentaro 健太郎 / shintaro 慎太郎 真太郎
kotaro 幸太郎 孝太郎 康太郎 光太郎 / ryutaro 龍太郎 竜太郎 / yutaro 勇太郎 / keitaro 圭太郎 啓太郎
kintaro 金太郎 / junichiro 純一郎 潤一郎 / yuichiro 雄一郎 裕一郎 祐一郎 / koichiro 浩一郎 幸一郎 耕一郎
seiichiro 誠一郎 精一郎 / shinichiro 真一郎 伸一郎 慎一郎 振一郎 / soichiro 宗一郎 総一郎 聡一郎
yoichiro 洋一郎 陽一郎 / kenichiro 健一郎 賢一郎 憲一郎 / eiichiro 英一郎 栄一郎 / keiichiro 圭一郎 啓一郎
shinjiro 進次郎 信次郎 / kenjiro 健次郎 / kojiro 小次郎 / yujiro 裕次郎 雄次郎 / eijiro 英次郎
kenzaburo 健三郎 / shinzo 晋三 信三 / keizo 恵三 敬三 / kozo 公三 耕三 浩三 / yuzo 雄三 裕三
ryuzo 隆三 / shozo 正三 昭三 / kenzo 健三 賢三 謙三 / eisaku 栄作 / kakuei 角栄
yasuhiro 康弘 泰弘 / zenko 善幸 / masayoshi 正芳 正義 / takeo 赳夫 武夫 武雄 健夫 / sosuke 宗佑
noboru 登 昇 / toshiki 俊樹 敏樹 / kiichi 喜一 / morihiro 護熙 / tsutomu 孜 勉 努 / tomiichi 富市
yoshiro 喜朗 義郎 芳郎 / yasuo 康夫 安雄 泰男 / yukio 由紀夫 幸夫 幸男 行雄 / naoto 直人
yoshihiko 佳彦 義彦 芳彦 / yoshihide 義偉 義英 / fumio 文雄 文夫 不美夫 / hayato 勇人 隼人
shigeru 茂 繁 / katsuya 克也 勝也 / toshimitsu 敏充 / katsunobu 勝信 / yoshimasa 芳正 義正
sanae 早苗 / yuriko 百合子 由里子 / naoki 直樹 尚樹 直紀 / yoichi 要一 洋一 陽一 / toru 徹 透 亨
toshihiro 俊博 敏弘 敏博 / akira 明 彰 晃 章 / koichi 浩一 幸一 光一 耕一 晃一 弘一 宏一
hirokazu 博一 弘和 宏和 浩和 / yoko 陽子 洋子 葉子 容子 / tomomi 朋美 友美 智美 / yohei 洋平 陽平
tadashi 忠 正 / hiroshi 博 浩 弘 宏 寛 洋 浩史 博史 弘志 / akio 章男 昭夫 明夫 昭雄 明男
konosuke 幸之助 / masaru 勝 / shohei 翔平 昌平 正平 将平 / haruki 春樹 晴樹 陽樹
takeshi 武 猛 武史 / yasunari 康成 / ryunosuke 龍之介 竜之介 / osamu 治 修 脩 / hideki 秀樹 英樹 秀喜
shinya 伸弥 真也 慎也 伸也 信也 晋也 / tasuku 佑 / yoshinori 良典 義則 芳則 善則
shuji 修二 修司 秀二 周二 / isamu 勇 / takaaki 隆章 孝明 貴明 高明 / ryoji 良治 亮二 良二
masatoshi 昌俊 正俊 雅俊 政俊 / eiichi 英一 栄一 / susumu 進 / toshihide 敏英 俊英 / makoto 誠 真
shoko 彰晃 祥子 翔子 / chizuo 智津夫 / fumihiro 史浩 文博 / fusako 房子 / kunio 國男 国男 邦夫 邦雄
haruo 晴生 春夫 晴夫 治夫 / norio 規夫 則夫 紀夫 典夫 / shinobu 忍 / kenichi 健一 建市 憲一 賢一 研一 謙一
kiyoshi 清 潔 清司 / isao 功 勲 勳 / satoru 悟 覚 / kazuya 和也 一也 和哉 一哉 / tadamasa 忠政 忠正
tsuyoshi 剛 毅 強 剛士 / kazuo 和夫 一夫 一雄 和雄 和男 一男 / hideo 秀夫 英夫 英雄 秀雄 秀男
masao 正夫 正雄 雅夫 昌夫 政夫 正男 / tatsuo 達夫 辰夫 龍夫 達雄 / tetsuo 哲夫 哲雄 鉄男
teruo 輝夫 照夫 輝雄 / mitsuo 光男 光雄 満夫 三男 充夫 / nobuo 信夫 伸夫 信雄 宣夫
yoshio 義雄 良雄 義夫 芳雄 善雄 / toshio 俊夫 敏夫 利夫 敏雄 俊雄 寿夫 / hisao 久雄 久夫
tadao 忠夫 忠雄 / katsuo 勝男 勝夫 勝雄 克夫 / sadao 貞夫 貞雄 定夫 / michio 道夫 通夫 道雄
iwao 巌 巖 岩男 / shigeo 茂雄 茂夫 重雄 繁雄 / tamio 民夫 民雄 / tsuneo 恒夫 常雄 恒雄 / sumio 澄夫
ikuo 郁夫 育男 / kazuhiko 和彦 一彦 / masahiko 雅彦 正彦 昌彦 / nobuhiko 信彦 伸彦
toshihiko 敏彦 俊彦 利彦 / haruhiko 晴彦 春彦 治彦 / tatsuhiko 達彦 / akihiko 昭彦 明彦 彰彦
hidehiko 秀彦 英彦 / katsuhiko 勝彦 克彦 / yasuhiko 康彦 泰彦 / tomohiko 友彦 智彦
kazuhiro 和宏 和弘 一弘 和博 和洋 / masahiro 正弘 雅弘 昌宏 正博 雅博 政宏
takahiro 隆弘 孝弘 貴弘 隆博 高広 / yoshihiro 義弘 芳弘 善弘 良弘 義博 / nobuhiro 信弘 伸弘 信宏
akihiro 明弘 昭宏 彰宏 明宏 / tomohiro 智弘 友宏 知宏 智宏 / katsuhiro 克弘 勝弘
kazunori 和典 和則 一典 / masanori 正典 雅則 正則 昌典 / takanori 隆則 孝典 / hironori 博則 裕典
katsunori 克典 / kazumasa 和正 一正 / kazuyuki 和幸 一幸 和之 / hiroyuki 博之 浩之 裕之 弘之 宏之 洋之
toshiyuki 俊之 敏之 利之 / masayuki 正幸 雅之 正之 昌幸 雅幸 / takayuki 隆之 孝之 貴之 隆幸
nobuyuki 信之 伸之 延幸 / yoshiyuki 義之 良之 善之 芳幸 / tomoyuki 智之 知之 友幸 朋之
hideyuki 秀之 英之 秀幸 / katsuyuki 克之 勝之 / noriyuki 則之 紀之 典之 / shigeyuki 茂之
yasuyuki 康之 泰之 / haruto 陽翔 / hiroto 大翔 博人 / yuto 優斗 悠斗 悠人 勇斗 佑都
sota 颯太 蒼太 奏太 壮太 / minato 湊 / yuma 悠真 佑真 / ren 蓮 廉 / riku 陸 / kai 海 / itsuki 樹
daiki 大輝 大樹 / daichi 大地 / daisuke 大輔 大介 / yamato 大和 / takuya 拓也 拓哉 卓也
takumi 拓海 匠 巧 / tatsuya 達也 竜也 龍也 / naoya 直也 直哉 尚也 / masaki 正樹 雅樹
masato 正人 雅人 真人 将人 / sho 翔 / tsubasa 翼 / kenta 健太 / shota 翔太 / kota 康太 浩太 幸太 航太
wataru 航 渉 亘 / ken 健 謙 / kenji 健二 健司 賢治 憲二 研二 健治 謙二 / seiichi 誠一 精一 清一
shoichi 正一 昭一 祥一 / shuichi 修一 秀一 周一 / shunichi 俊一 駿一 / junichi 純一 潤一 淳一 順一
shinichi 真一 信一 伸一 慎一 新一 進一 晋一 / yuichi 雄一 裕一 祐一 勇一 友一 優一
eiji 英治 英二 栄治 栄二 英司 / keiichi 圭一 啓一 敬一 恵一 慶一
keisuke 圭介 啓介 敬介 恵介 慶介 圭佑 啓輔 / kosuke 康介 浩介 耕介 幸介 航介 公介 孝介
ryosuke 亮介 良介 涼介 亮輔 / shunsuke 俊介 駿介 峻介 俊輔 / yusuke 雄介 祐介 裕介 勇介 悠介 優介 佑介
yosuke 洋介 陽介 庸介 / shinsuke 信介 慎介 伸介 真介 晋介 / seiji 誠治 政治 清二 誠司 聖二 征二 征爾
koji 浩二 浩司 孝二 幸二 耕二 光司 宏二 康二 晃司 弘二 功二 孝治
takashi 隆 孝 崇 貴 高志 孝志 隆志 貴志 隆史 / tatsuro 達郎 / kazuki 和樹 一樹 一輝 和輝
kazuto 和人 / minoru 実 稔 穣 / yutaka 豊 裕 / manabu 学 / satoshi 聡 智 敏 慧 / kaoru 薫 馨
ryo 亮 涼 諒 遼 良 / hiroki 弘樹 裕樹 博樹 宏樹 浩樹 / hideaki 秀明 英明 秀昭 英昭
hidetoshi 英俊 秀俊 英寿 / hideyoshi 秀吉 / ieyasu 家康 / nobunaga 信長 / ryoma 龍馬 竜馬
takamori 隆盛 / toshimichi 利通 / hirobumi 博文 / shun 駿 俊 瞬 / jun 純 潤 淳 順 準
shin 新 慎 伸 晋 / kei 圭 啓 敬 慶 / gaku 岳 / yoshiki 義樹 芳樹 良樹 佳樹 善樹
toshiaki 俊明 利明 敏明 / tomoaki 智明 知明 友明 / yoshiaki 義明 良明 芳明 善明
masaaki 正明 雅明 昌明 / noriaki 範明 則明 紀明 / mamoru 守 衛 護 / hajime 一 元 始 肇
hitoshi 均 仁 等 斉 / masashi 正志 雅史 昌志 正史 将志 / atsushi 敦 篤 厚 敦史 篤志
tetsuya 哲也 哲哉 徹也 / shinji 真司 慎二 信二 伸二 晋治 信治 / shingo 慎吾 真吾 信吾 伸吾
daigo 大吾 / keigo 圭吾 啓吾 / yugo 裕吾 勇吾 / kengo 健吾 謙吾 / shogo 翔吾 将吾 省吾
yuta 雄太 裕太 悠太 勇太 優太 祐太 / ryota 亮太 涼太 良太 遼太 / keita 圭太 啓太 慶太 敬太 恵太
kanta 寛太 幹太 / yota 陽太 洋太 / fumiya 文也 史也 / kazuma 和真 一真 数馬
yuki 勇気 祐樹 友樹 裕貴 雄貴 由紀 由希 有紀 友紀 雪 / koki 光輝 航輝 幸樹 晃希
kaito 海斗 快斗 / rin 凛 凜 / sora 空 / aoi 葵 蒼 碧 / hinata 陽向 日向 / asahi 朝陽 旭 / ritsu 律
tomoya 智也 友也 知也 朋也 / kazunari 和成 一成 / ryuichi 龍一 隆一 竜一 / hisashi 久 尚 寿 恒
katsumi 克己 勝美 克美 勝己 / kazuyoshi 知良 和義 一義 / yuzuru 結弦 譲 / yu 優 有
akihito 明仁 / naruhito 徳仁 / fumihito 文仁 / hisahito 悠仁 / hirohito 裕仁 / yoshihito 嘉仁
junpei 純平 順平 淳平 潤平 / shinpei 晋平 新平 真平 / shunpei 俊平 駿平 / ippei 一平 / kohei 康平 航平 公平
hanako 花子 華子 / yuko 裕子 優子 祐子 悠子 有子 夕子 結子 / tomoko 友子 智子 朋子 知子
keiko 恵子 敬子 啓子 圭子 慶子 景子 桂子 / kyoko 京子 恭子 今日子 / sachiko 幸子 佐知子
kazuko 和子 一子 / akiko 明子 晶子 昭子 亜希子 章子 秋子 / junko 順子 純子 淳子 潤子
naoko 直子 尚子 奈緒子 菜穂子 / noriko 典子 紀子 法子 範子 則子 規子 / kumiko 久美子
yumiko 由美子 裕美子 弓子 / mayumi 真由美 真弓 / mariko 真理子 麻里子 万里子 鞠子
makiko 真紀子 真希子 牧子 / miki 美紀 美樹 幹 / miho 美穂 美保 / mizuho 瑞穂 / minako 美奈子
michiko 美智子 道子 路子 / mika 美香 美加 美佳 / miwa 美和 / miyuki 美由紀 美幸 美雪 深雪 幸
masako 雅子 正子 政子 昌子 / setsuko 節子 / etsuko 悦子 / eiko 栄子 英子 瑛子 映子
yoshiko 良子 芳子 淑子 好子 美子 佳子 / yumi 由美 有美 弓 / yuka 由佳 由香 優香 友香 結花 有香
yuri 由里 百合 由利 有里 / yukiko 由紀子 雪子 由起子 友紀子 / aya 綾 彩 絢 亜矢
ayako 綾子 彩子 絢子 / fumiko 文子 史子 芙美子 / ai 愛 藍 亜衣 / aiko 愛子 藍子 / megumi 恵 惠
emi 恵美 絵美 英美 笑 / eri 恵理 絵里 恵里 英里 / eriko 恵理子 絵里子 恵里子 / mayu 真由 麻由 繭
mai 舞 麻衣 真衣 / asami 麻美 朝美 / chihiro 千尋 / chiaki 千秋 千晶 / chisato 千里 / chika 千佳
chinatsu 千夏 / chie 千恵 智恵 知恵 千絵 / chiyo 千代 / chiyoko 千代子 / chizuru 千鶴
chizuko 千鶴子 / shizuka 静香 静 / shizuko 静子 / saori 沙織 早織 紗織 沙保里 / kaori 香織 香 佳織
shiori 詩織 栞 / shiho 志保 志穂 / saki 早紀 咲 沙希 咲希 早希 紗希 / misaki 美咲 岬 / satoko 聡子
satomi 里美 聡美 / rie 理恵 里恵 理絵 梨絵 / risa 理沙 梨沙 理紗 / riko 莉子 理子 / rika 梨花 里佳 理香
rina 莉奈 里奈 理奈 梨奈 / rena 玲奈 麗奈 怜奈 / reiko 玲子 礼子 麗子 令子 / yui 結衣 唯 由衣 優衣 結
yuna 結菜 優奈 由奈 / hina 陽菜 日菜 雛 / yua 結愛 / mei 芽衣 芽依 / moe 萌 / miu 美羽 / kokoro 心
koharu 心春 小春 / haruka 春香 遥 遙 晴香 / haruko 春子 晴子 / nanako 菜々子 奈々子 / nana 奈々 菜々
nanami 七海 / natsumi 夏美 菜摘 奈津美 / natsuki 菜月 夏希 / natsuko 夏子 奈津子 / sakura 桜 咲良
kaede 楓 / momoko 桃子 / momoe 百恵 / anna 杏奈 / ami 亜美 / manami 愛美 真奈美 / akane 茜
asuka 明日香 飛鳥 / aki 亜紀 亜希 / akemi 明美 朱美 / hitomi 瞳 仁美 / kumi 久美 / hisako 久子 寿子
naomi 直美 尚美 奈緒美 / nao 奈緒 菜緒 / nami 奈美 / hiromi 裕美 宏美 博美 浩美 広美 弘美
nobuko 信子 伸子 延子 暢子 / tomiko 登美子 富子 / sayuri 小百合 / sayoko 小夜子 / kiyomi 清美
kiyoko 清子 喜代子 / kimiko 君子 喜美子 貴美子 公子 紀美子 / nozomi 希 望 希美 / miyako 都 美也子
masami 雅美 正美 / masumi 真澄 / kana 加奈 佳奈 香奈 可奈 / kanako 加奈子 佳奈子 香奈子 可奈子
kanae 香苗 佳苗 叶 / kanade 奏 / tamaki 環 / taeko 妙子 多恵子 / takako 貴子 孝子 隆子 多佳子
mitsuko 光子 満子 美津子 充子 / ritsuko 律子 / kazumi 和美 一美 / sumiko 澄子 寿美子 / hideko 秀子
toshiko 敏子 俊子 利子 / yasuko 康子 泰子 安子 靖子 / sumire 菫 / tomoe 巴 友恵 / yoshie 芳江 良枝 佳恵
kazue 和江 一枝 / fumie 文恵 史恵 / hiroko 弘子 博子 浩子 宏子 寛子 広子 / ikuko 郁子 育子
machiko 真知子 町子 / mari 真理 麻里 万里 / rumi 留美 瑠美 / ruri 瑠璃 / mio 美緒 澪 / mizuki 瑞希 美月
yoshimi 良美 佳美 芳美 / ayumi 歩 亜由美 / ayano 綾乃 彩乃 / kotone 琴音 / honoka 穂乃香
mana 真菜 愛菜 / mao 真央 / emiko 恵美子 笑子 / chieko 千恵子 智恵子 / fujiko 不二子 富士子
masayo 昌代 雅代 / sayaka 沙也加 清香 / ayaka 彩香 綾香 / madoka 円 / wakana 若菜 / yukari 由香里 紫
midori 緑 翠 / hana 花 華 / hanae 花江 / sakiko 咲子 早紀子 / reika 麗華 玲香 / erika 恵梨香 絵里香
ryoko 涼子 亮子 / yukie 幸恵 雪江 / harumi 春美 晴美 / masae 雅恵 正江 / kayo 加代 佳代 香代
kayoko 佳代子 加代子 / sawako 佐和子 / sayo 小夜 沙代 / tamako 珠子 玉子 / teruko 照子 輝子
tokiko 登紀子 / yaeko 八重子 / yae 八重 / kinuyo 絹代 / tsuru 鶴 / ume 梅 / haru 春 / an 杏
mako 真子 眞子 / hikari 光
"""

# Kana in Hepburn, hiragana only: katakana is read through its hiragana twin. を and the obsolete ゐ ゑ
# are written as the vowels they are now pronounced.
_KANA_ROWS = """
a あ / i い ゐ / u う / e え ゑ / o お を / ka か / ki き / ku く / ke け / ko こ / ga が / gi ぎ / gu ぐ
ge げ / go ご / sa さ / shi し / su す / se せ / so そ / za ざ / ji じ ぢ / zu ず づ / ze ぜ / zo ぞ
ta た / chi ち / tsu つ / te て / to と / da だ / de で / do ど / na な / ni に / nu ぬ / ne ね / no の
ha は / hi ひ / fu ふ / he へ / ho ほ / ba ば / bi び / bu ぶ / be べ / bo ぼ / pa ぱ / pi ぴ / pu ぷ
pe ぺ / po ぽ / ma ま / mi み / mu む / me め / mo も / ya や / yu ゆ / yo よ / ra ら / ri り / ru る
re れ / ro ろ / wa わ / n ん / vu ゔ
"""
# Small kana that change the vowel of the kana before them: ゃゅょ after an i-row kana (き+ゃ "kya",
# し+ゃ "sha"), the small vowels in the sounds katakana spells for loanwords (フ+ァ "fa", テ+ィ "ti").
_SMALL_Y = {"ゃ": "a", "ゅ": "u", "ょ": "o"}
_SMALL_VOWELS = {"ぁ": "a", "ぃ": "i", "ぅ": "u", "ぇ": "e", "ぉ": "o"}
_SMALL_TSU = "っ"  # doubles the next consonant ("hattori"), written "t" before "ch" ("hotchi")
_LONG_MARK = "ー"  # katakana's long vowel, which passports do not write
_KATAKANA_SHIFT = ord("ア") - ord("あ")

_SEPARATOR = re.compile(r"[\s・·]+")  # after NFKC, which makes U+3000 a space and ･ a ・
_KOREAN_LENGTHS = range(2, 5)
_JAPANESE_LENGTHS = range(2, 7)


def _table(rows: str) -> dict[str, str]:
    """Rows of "reading spelling spelling ..." groups, separated by "/" or new lines, as {spelling:
    reading}. A spelling listed twice is a mistake in the table, not a second reading."""
    table: dict[str, str] = {}
    for group in re.split(r"[/\n]", rows):
        if not group.strip():
            continue
        reading, *spellings = group.split()
        for spelling in spellings:
            if spelling in table:
                raise ValueError(f"{spelling} is read both {table[spelling]} and {reading}")
            table[spelling] = reading
    return table


_KOREAN_SURNAMES = _table(_KOREAN_SURNAME_ROWS)
_KOREAN_GIVEN = _table(_KOREAN_GIVEN_ROWS + _KOREAN_GIVEN_SIMPLIFIED_ROWS)
_JAPANESE_SURNAMES = _table(_JAPANESE_SURNAME_ROWS)
_JAPANESE_GIVEN = _table(_JAPANESE_GIVEN_ROWS)
_KANA = _table(_KANA_ROWS)
_LONGEST_JAPANESE_SURNAME = max(map(len, _JAPANESE_SURNAMES))
_LONGEST_KOREAN_SURNAME = max(map(len, _KOREAN_SURNAMES))


def name_parts(text: str) -> list[str] | None:
    """The name as one part, or as surname and given name when a separator stands between them; None for
    more than one separator or one at either end."""
    parts = _SEPARATOR.split(unicodedata.normalize("NFKC", text).strip())
    return parts if len(parts) <= 2 and all(parts) else None


def _cuts(parts: list[str], longest_surname: int) -> Iterable[int]:
    """Where the surname may end: at the separator if there is one, else at each place from the longest
    surname down, so that a two-character surname (南宮, 佐々木) is tried before its first character."""
    if len(parts) == 2:
        return (len(parts[0]),)
    return range(min(longest_surname, len(parts[0]) - 1), 0, -1)


# The initial-sound law (두음법칙) of South Korean spelling: a word's first syllable does not start with
# ㄹ, nor with ㄴ before i or y (리 -> 이, 라 -> 나, 녀 -> 여). Hangul syllables are numbered initial by
# initial, vowel by vowel, 28 finals each, so the initial can be swapped arithmetically.
_HANGUL_BASE = 0xAC00
_SYLLABLES_PER_INITIAL = 21 * 28
_NIEUN, _RIEUL, _IEUNG = 2, 5, 11  # initial consonant indexes of ㄴ, ㄹ, ㅇ
_I_OR_Y_VOWELS = frozenset({2, 3, 6, 7, 12, 17, 20})  # ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ


def _initial_sound_law(syllable: str) -> str:
    """A Hangul syllable as it is written at the start of a word (룡 -> 용, 락 -> 낙, 녕 -> 영)."""
    initial, rest = divmod(ord(syllable) - _HANGUL_BASE, _SYLLABLES_PER_INITIAL)
    if initial not in (_NIEUN, _RIEUL):
        return syllable
    if rest // 28 in _I_OR_Y_VOWELS:
        initial = _IEUNG
    elif initial == _RIEUL:
        initial = _NIEUN
    else:
        return syllable
    return chr(_HANGUL_BASE + initial * _SYLLABLES_PER_INITIAL + rest)


def _korean_given_name(chars: str) -> str | None:
    """The Hangul of a given name, every character known, or None. Its first syllable takes the
    initial-sound law (崔龍洙 is 최용수), except in a one-syllable given name, which custom writes as it
    sounds after the surname (최린, 신립)."""
    readings = [_KOREAN_GIVEN.get(char) for char in chars]
    known = [reading for reading in readings if reading is not None]
    if not known or len(known) < len(readings):
        return None
    if len(known) > 1:
        known[0] = _initial_sound_law(known[0])
    return "".join(known)


def korean_reading(text: str) -> str | None:
    """The name in Hangul, read character by character as Korean hanja, surname first, with a space between
    surname and given name ("金正恩" -> "김 정은"; "南宮玉" -> "남궁 옥"), or None when `text` is not read as
    a Korean personal name in hanja."""
    parts = name_parts(text)
    if parts is None or len(name := "".join(parts)) not in _KOREAN_LENGTHS:
        return None
    for cut in _cuts(parts, _LONGEST_KOREAN_SURNAME):
        surname = _KOREAN_SURNAMES.get(name[:cut])
        given = _korean_given_name(name[cut:]) if surname else None
        if given:
            return f"{surname} {given}"
    return None


def _hiragana(char: str) -> str:
    """A katakana letter as its hiragana twin; anything else unchanged."""
    return chr(ord(char) - _KATAKANA_SHIFT) if "ァ" <= char <= "ヶ" else char


def _with_small_kana(previous: str, small: str) -> str | None:
    """The sound of a kana followed by a small kana that changes its vowel, or None when the small kana
    cannot follow it (a small ゃ after a kana not ending in i)."""
    if small in _SMALL_Y:
        if not previous.endswith("i"):
            return None
        stem = previous[:-1]
        return stem + ("" if stem.endswith(("sh", "ch", "j")) else "y") + _SMALL_Y[small]
    stem = "w" if previous == "u" else previous[:-1]  # ウィ "wi", ファ "fa", シェ "she"
    return stem + _SMALL_VOWELS[small]


def _doubled(sound: str) -> str | None:
    """A sound after a small tsu: its consonant doubled, "t" before "ch"; None for a vowel or ん."""
    if sound[0] in "aiueon":
        return None
    return ("t" if sound.startswith("ch") else sound[0]) + sound


def _kana_sounds(kana: str) -> list[str] | None:
    """The sounds of a word in kana, one per syllable ("きょうこ" -> kyo, u, ko), or None when a character
    is not kana or a small kana stands where it cannot."""
    sounds: list[str] = []
    doubling = False
    for char in map(_hiragana, kana):
        if char == _LONG_MARK:
            continue
        if char == _SMALL_TSU:
            if not sounds:
                return None  # a word cannot start with a doubled consonant
            doubling = True
            continue
        if char in _SMALL_Y or char in _SMALL_VOWELS:
            sound = _with_small_kana(sounds.pop(), char) if sounds and not doubling else None
        else:
            sound = _KANA.get(char)
        if sound is not None and doubling:
            sound, doubling = _doubled(sound), False
        if sound is None:
            return None
        sounds.append(sound)
    return None if doubling else sounds


def _kana_reading(kana: str) -> str | None:
    """A word in kana in passport spelling: long vowels written single, as passports write them (ou, oo
    and uu as o and u: "ゆうこ" -> "yuko", "ようこ" -> "yoko"), ei and ii kept ("けいこ" -> "keiko")."""
    sounds = _kana_sounds(kana)
    if not sounds:
        return None
    kept = [sounds[0]]
    for sound in sounds[1:]:
        long_vowel = (sound == "u" and kept[-1][-1] in "ou") or (sound == "o" and kept[-1][-1] == "o")
        if not long_vowel:
            kept.append(sound)
    return "".join(kept)


def _passport(spelling: str) -> str:
    """Hepburn as Japanese passports write it: ん is "m" before b, m and p ("Homma", "Jumpei")."""
    return re.sub(r"n(?=[bmp])", "m", spelling)


def japanese_reading(text: str) -> str | None:
    """The name in Latin letters (modified Hepburn as passports write it: no macrons, long vowels written
    single: Tarō -> "Taro", Yūko -> "Yuko", Ōno -> "Ono"; lower case; surname first, a space between surname
    and given name: "山田太郎" -> "yamada taro", "田中 花子" -> "tanaka hanako"), or None when `text` is not
    read as a Japanese personal name in kanji."""
    parts = name_parts(text)
    if parts is None or len(name := "".join(parts)) not in _JAPANESE_LENGTHS:
        return None
    for cut in _cuts(parts, _LONGEST_JAPANESE_SURNAME):
        surname = _JAPANESE_SURNAMES.get(name[:cut])
        given = (_JAPANESE_GIVEN.get(name[cut:]) or _kana_reading(name[cut:])) if surname else None
        if given:
            return _passport(f"{surname} {given}")
    return None
