//! State: conversation history.

/// One turn of a conversation.
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    pub role: String,
    pub text: String,
}

/// An in-memory conversation.
#[derive(Debug, Default)]
pub struct Conversation {
    turns: Vec<Turn>,
}

impl Conversation {
    pub fn push(&mut self, role: &str, text: &str) {
        self.turns.push(Turn { role: role.to_string(), text: text.to_string() });
    }

    pub fn turns(&self) -> &[Turn] {
        &self.turns
    }
}
