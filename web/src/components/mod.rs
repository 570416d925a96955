//! Components shared by the pages.

pub mod chart;
pub mod delegated;
pub mod export;
pub mod file_input;
pub mod indicator;
pub mod report_view;
