//! The four pages.

pub mod framework;
pub mod questionnaire;
pub mod results;
pub mod start;
