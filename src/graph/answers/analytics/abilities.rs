//! Skills that are one ability in different words: two skills whose names
//! mean or contain the same concept (`オブザーバビリティ` and `Observability
//! design`, `リスク管理と信頼性` and `Reliability`), so that what two roles
//! share, and what someone still has to learn, is read by ability and not
//! by spelling. Generic concepts (`セキュリティ`) join nothing: too many
//! skills hold them.

use crate::graph::NodeRef;
use petgraph::graph::NodeIndex;
use std::collections::HashMap;

/// Two skills joined by a concept both express.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AbilityPair<'g> {
    pub a: NodeRef<'g>,
    pub b: NodeRef<'g>,
    pub concept: NodeRef<'g>,
}

/// The concepts a skill's name means or contains that can join it to
/// another skill: every non-generic one, read from the graph's index (a
/// walk over the skill's edges, for every skill of an answer, costs more
/// than the answer).
fn joining_concepts<'g>(skill: NodeRef<'g>) -> Vec<NodeRef<'g>> {
    let graph = skill.graph();
    graph
        .abilities_of(skill.index)
        .iter()
        .map(|concept| graph.handle(*concept))
        .collect()
}

/// The skills of `a` and of `b` that are one ability: each skill of `a`
/// with the first skill of `b` that shares a concept with it, each skill
/// paired at most once, in the order of `a`. The concept is the one the
/// guides use for the fewest roles: the most telling.
pub fn pair_abilities<'g>(a: &[NodeRef<'g>], b: &[NodeRef<'g>]) -> Vec<AbilityPair<'g>> {
    let mut holders: HashMap<NodeIndex, Vec<NodeRef<'g>>> = HashMap::new();
    for skill in b {
        for concept in joining_concepts(*skill) {
            holders.entry(concept.index).or_default().push(*skill);
        }
    }
    let mut taken: Vec<NodeRef<'g>> = Vec::new();
    let mut pairs = Vec::new();
    for skill in a {
        let mut concepts = joining_concepts(*skill);
        concepts.sort_by_key(|concept| concept.as_concept().map_or(u32::MAX, |c| c.roles));
        let pair = concepts.into_iter().find_map(|concept| {
            let other = holders
                .get(&concept.index)?
                .iter()
                .find(|other| *other != skill && !taken.contains(other))?;
            Some(AbilityPair {
                a: *skill,
                b: *other,
                concept,
            })
        });
        if let Some(pair) = pair {
            taken.push(pair.b);
            pairs.push(pair);
        }
    }
    pairs
}
