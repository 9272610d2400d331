/**
 * 第19条 加强行业监督管理 — "对新认定的全国网络市场监管与服务示范区，给予创建市(地)政府(行署)100万元一次性奖励。"
 * Paid to the city government that created the zone; one-time.
 */
import { awardFixed } from "./fixed-award";
import { ApplicationFacts, Award, AwardContext } from "./types";

export function awardM19(facts: ApplicationFacts, context: AwardContext): Award {
  return awardFixed("M19", facts, context);
}
