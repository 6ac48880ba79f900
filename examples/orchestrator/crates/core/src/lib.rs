//! Core: sends a prompt to a provider and records the turn.

use llmo_providers::Provider;
use llmo_state::Conversation;

/// Runs one turn.
pub fn ask(provider: &dyn Provider, conversation: &mut Conversation, prompt: &str) -> String {
    conversation.push("user", prompt);
    let answer = provider.complete(prompt);
    conversation.push(provider.name(), &answer);
    answer
}
