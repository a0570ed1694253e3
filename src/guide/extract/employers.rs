//! The employers section: the kinds of employer that hire for the role,
//! each with the companies it names.

use super::layout::{ItemReaders, Layout, SubItem, cell, columns};
use super::lines::{ItemLines, Line, unlabelled, value_of};
use crate::guide::keywords::Field;
use crate::guide::markdown::{Item, Table};
use crate::guide::model::EmployerType;
use crate::guide::sections::SectionBlocks;
use crate::guide::text::{clean_name, split_companies};

/// Employer types: one per sub-heading, table row or list item.
pub fn employer_types(section: &SectionBlocks) -> Vec<EmployerType> {
    Layout::of(section).read(&ItemReaders {
        sub_heading: from_sub_heading,
        table: from_table,
        list_item: from_item,
    })
}

fn from_sub_heading(item: &SubItem) -> EmployerType {
    employer_type(&item.title(), &item.lines(), item.line())
}

/// The kind and companies columns are read as such; every other cell of
/// the row describes the kind.
fn from_table(table: &Table) -> Vec<EmployerType> {
    let [name, companies] = columns(
        table,
        [(Field::EmployerKind, 0), (Field::EmployerCompanies, 1)],
    );
    table
        .rows
        .iter()
        .map(|row| EmployerType {
            name: clean_name(&cell(&row.cells, name)),
            companies: split_companies(&cell(&row.cells, companies)),
            description: row
                .cells
                .iter()
                .enumerate()
                .filter(|(index, _)| *index != name && *index != companies)
                .map(|(_, text)| text.trim())
                .filter(|text| !text.is_empty())
                .collect::<Vec<_>>()
                .join("\n"),
            line: row.line,
        })
        .collect()
}

/// `- **Web系企業**: メルカリ、LINEヤフー` lists the companies on its first
/// line when no `企業例:` line under it does. A list item without a name
/// is not an employer type.
fn from_item(item: &Item) -> Option<EmployerType> {
    let lines = ItemLines::of(item);
    let mut employer = employer_type(&lines.name(), &lines.rest, item.line);
    if employer.companies.is_empty() {
        employer.companies = split_companies(lines.inline_value());
    }
    (!employer.name.is_empty()).then_some(employer)
}

fn employer_type(name: &str, lines: &[Line], line: usize) -> EmployerType {
    EmployerType {
        name: clean_name(name),
        companies: split_companies(&value_of(lines, Field::EmployerCompanies)),
        description: unlabelled(lines, &[Field::EmployerCompanies]),
        line,
    }
}
