//! The suggested placement of topics into slots × rooms. Pure, so its rules are unit-tested.

use std::collections::{HashMap, HashSet};

/// A topic as the planner sees it.
#[derive(Debug, Clone)]
pub struct Wanted {
    pub topic_id: i64,
    pub interest: i64,
    /// Same key, same person: they cannot hold two sessions at once.
    pub proposer: Option<String>,
    /// Where it is now, if placed.
    pub placed: Option<(i64, i64)>,
}

/// A room and how many people fit.
#[derive(Debug, Clone, Copy)]
pub struct RoomSize {
    pub room_id: i64,
    pub capacity: i32,
}

/// One suggested move: topic into (slot, room).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub topic_id: i64,
    pub slot_id: i64,
    pub room_id: i64,
}

/// Fills the free cells with the unplaced topics. Placed topics stay where the organizer
/// put them. The most wanted topics take the largest rooms (all slots of the largest room
/// first), and a proposer never gets two topics in one slot. Ties go to the older topic,
/// which comes first in `topics`.
pub fn suggest(topics: &[Wanted], slots: &[i64], rooms: &[RoomSize]) -> Vec<Placement> {
    let mut rooms = rooms.to_vec();
    rooms.sort_by(|a, b| b.capacity.cmp(&a.capacity).then(a.room_id.cmp(&b.room_id)));
    let mut taken: HashSet<(i64, i64)> = HashSet::new();
    let mut busy: HashMap<i64, HashSet<String>> = HashMap::new();
    for t in topics {
        if let Some((slot, room)) = t.placed {
            taken.insert((slot, room));
            if let Some(p) = &t.proposer {
                busy.entry(slot).or_default().insert(p.clone());
            }
        }
    }
    let mut waiting: Vec<&Wanted> = topics.iter().filter(|t| t.placed.is_none()).collect();
    // Stable: equal interest keeps the given (oldest first) order.
    waiting.sort_by_key(|t| std::cmp::Reverse(t.interest));
    let cells: Vec<(i64, i64)> = rooms
        .iter()
        .flat_map(|r| slots.iter().map(move |s| (*s, r.room_id)))
        .collect();
    let mut plan = Vec::new();
    for topic in waiting {
        let free = cells.iter().find(|(slot, room)| {
            !taken.contains(&(*slot, *room))
                && topic
                    .proposer
                    .as_ref()
                    .is_none_or(|p| !busy.get(slot).is_some_and(|b| b.contains(p)))
        });
        let Some(&(slot_id, room_id)) = free else {
            continue;
        };
        taken.insert((slot_id, room_id));
        if let Some(p) = &topic.proposer {
            busy.entry(slot_id).or_default().insert(p.clone());
        }
        plan.push(Placement {
            topic_id: topic.topic_id,
            slot_id,
            room_id,
        });
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wanted(topic_id: i64, interest: i64, proposer: &str) -> Wanted {
        Wanted {
            topic_id,
            interest,
            proposer: Some(proposer.to_string()),
            placed: None,
        }
    }

    const ROOMS: [RoomSize; 2] = [
        RoomSize {
            room_id: 10,
            capacity: 8,
        },
        RoomSize {
            room_id: 20,
            capacity: 40,
        },
    ];

    #[test]
    fn most_wanted_topics_get_the_largest_room() {
        let topics = [wanted(1, 2, "a"), wanted(2, 9, "b"), wanted(3, 5, "c")];
        let plan = suggest(&topics, &[100, 200], &ROOMS);
        let room_of = |id| plan.iter().find(|p| p.topic_id == id).map(|p| p.room_id);
        assert_eq!(room_of(2), Some(20));
        assert_eq!(room_of(3), Some(20));
        assert_eq!(room_of(1), Some(10));
    }

    #[test]
    fn one_proposer_never_holds_two_sessions_at_once() {
        let topics = [wanted(1, 9, "a"), wanted(2, 8, "a"), wanted(3, 1, "b")];
        let plan = suggest(&topics, &[100, 200], &ROOMS);
        let slot_of = |id| plan.iter().find(|p| p.topic_id == id).map(|p| p.slot_id);
        assert_ne!(slot_of(1), slot_of(2));
        assert_eq!(plan.len(), 3);
    }

    #[test]
    fn placed_topics_stay_and_block_their_cell_and_proposer() {
        let mut fixed = wanted(1, 0, "a");
        fixed.placed = Some((100, 20));
        let topics = [fixed, wanted(2, 9, "a"), wanted(3, 5, "b")];
        let plan = suggest(&topics, &[100, 200], &ROOMS);
        assert!(plan.iter().all(|p| p.topic_id != 1));
        assert!(!plan.iter().any(|p| (p.slot_id, p.room_id) == (100, 20)));
        let two = plan.iter().find(|p| p.topic_id == 2).expect("placed");
        assert_eq!((two.slot_id, two.room_id), (200, 20));
    }

    #[test]
    fn topics_beyond_the_grid_stay_unplaced_and_ties_keep_age_order() {
        let topics = [
            wanted(1, 3, "a"),
            wanted(2, 3, "b"),
            wanted(3, 3, "c"),
            wanted(4, 3, "d"),
            wanted(5, 3, "e"),
        ];
        let plan = suggest(&topics, &[100, 200], &ROOMS);
        assert_eq!(plan.len(), 4);
        assert!(plan.iter().all(|p| p.topic_id != 5));
        assert_eq!(plan[0].topic_id, 1);
        assert_eq!((plan[0].slot_id, plan[0].room_id), (100, 20));
    }
}
