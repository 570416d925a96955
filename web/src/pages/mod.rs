//! The pages.

pub mod carry;
pub mod compare;
pub mod consensus;
pub mod framework;
pub mod many;
pub mod questionnaire;
pub mod results;
pub mod start;
pub mod workshop;
