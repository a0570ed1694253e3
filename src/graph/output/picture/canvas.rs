//! The SVG backend layout-rs draws a picture on.

use super::{FONT_SIZE, LINE_HEIGHT};
use crate::graph::export::xml_escape;
use layout::core::color::Color;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::Point;
use layout::core::style::StyleAttr;
use std::fmt::Write as _;

/// A layout-rs backend that keeps each node's box and label in one group.
///
/// layout-rs's own SVG writer closes a node's group before its label and
/// styles text with Times; this one groups what belongs together, leaves
/// the font to the reader, and fits the canvas to what it drew.
#[derive(Default)]
pub(super) struct Canvas {
    nodes: String,
    edges: String,
    /// A node's group is open: layout-rs draws a box, then its label.
    open: bool,
    /// The smallest and largest point drawn.
    bounds: Option<(Point, Point)>,
}

impl Canvas {
    fn include(&mut self, point: Point) {
        let (low, high) = self.bounds.get_or_insert((point, point));
        *low = Point::new(low.x.min(point.x), low.y.min(point.y));
        *high = Point::new(high.x.max(point.x), high.y.max(point.y));
    }

    fn close_group(&mut self) {
        if std::mem::take(&mut self.open) {
            self.nodes.push_str("</g>\n");
        }
    }

    pub(super) fn finish(mut self) -> String {
        self.close_group();
        const MARGIN: f64 = 8.0;
        let (low, high) = self.bounds.unwrap_or((Point::zero(), Point::zero()));
        let (x, y) = (low.x - MARGIN, low.y - MARGIN);
        let (width, height) = (high.x - low.x + 2.0 * MARGIN, high.y - low.y + 2.0 * MARGIN);
        format!(
            concat!(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" ",
                "viewBox=\"{x:.1} {y:.1} {width:.1} {height:.1}\" font-family=\"sans-serif\" font-size=\"{font}\">\n",
                "<defs>\n",
                "<marker id=\"startarrow\" markerWidth=\"10\" markerHeight=\"7\" refX=\"0\" refY=\"3.5\" orient=\"auto\">",
                "<polygon points=\"10 0, 10 7, 0 3.5\" fill=\"context-stroke\"/></marker>\n",
                "<marker id=\"endarrow\" markerWidth=\"10\" markerHeight=\"7\" refX=\"10\" refY=\"3.5\" orient=\"auto\">",
                "<polygon points=\"0 0, 10 3.5, 0 7\" fill=\"context-stroke\"/></marker>\n",
                "</defs>\n",
                "{edges}{nodes}</svg>\n",
            ),
            width = width,
            height = height,
            x = x,
            y = y,
            font = FONT_SIZE,
            edges = self.edges,
            nodes = self.nodes,
        )
    }
}

impl RenderBackend for Canvas {
    fn draw_rect(
        &mut self,
        xy: Point,
        size: Point,
        look: &StyleAttr,
        properties: Option<String>,
        _clip: Option<ClipHandle>,
    ) {
        self.include(xy);
        self.include(xy.add(size));
        if let Some(properties) = properties {
            self.close_group();
            let _ = writeln!(self.nodes, "<g {properties}>");
            self.open = true;
        }
        let _ = writeln!(
            self.nodes,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>",
            xy.x,
            xy.y,
            size.x,
            size.y,
            look.rounded,
            look.fill_color
                .unwrap_or_else(Color::transparent)
                .to_web_color(),
            look.line_color.to_web_color(),
            look.line_width,
        );
    }

    fn draw_line(
        &mut self,
        start: Point,
        stop: Point,
        look: &StyleAttr,
        _properties: Option<String>,
    ) {
        self.include(start);
        self.include(stop);
        let _ = writeln!(
            self.edges,
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{}\" stroke-width=\"{}\"/>",
            start.x,
            start.y,
            stop.x,
            stop.y,
            look.line_color.to_web_color(),
            look.line_width,
        );
    }

    fn draw_circle(
        &mut self,
        xy: Point,
        size: Point,
        look: &StyleAttr,
        _properties: Option<String>,
    ) {
        self.include(xy.sub(size.scale(0.5)));
        self.include(xy.add(size.scale(0.5)));
        let _ = writeln!(
            self.nodes,
            "<ellipse cx=\"{:.1}\" cy=\"{:.1}\" rx=\"{:.1}\" ry=\"{:.1}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>",
            xy.x,
            xy.y,
            size.x / 2.0,
            size.y / 2.0,
            look.fill_color
                .unwrap_or_else(Color::transparent)
                .to_web_color(),
            look.line_color.to_web_color(),
            look.line_width,
        );
    }

    /// The label of the box drawn last, its lines centred on `xy`; it
    /// closes the box's group.
    fn draw_text(&mut self, xy: Point, text: &str, _look: &StyleAttr) {
        let lines: Vec<&str> = text.lines().collect();
        let first = -((lines.len().max(1) - 1) as f64) / 2.0;
        let _ = write!(
            self.nodes,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" dominant-baseline=\"central\">",
            xy.x, xy.y
        );
        for (index, line) in lines.iter().enumerate() {
            let _ = write!(
                self.nodes,
                "<tspan x=\"{:.1}\" y=\"{:.1}\">{}</tspan>",
                xy.x,
                xy.y + (first + index as f64) * LINE_HEIGHT,
                xml_escape(line)
            );
        }
        self.nodes.push_str("</text>\n");
        self.close_group();
    }

    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        dashed: bool,
        head: (bool, bool),
        look: &StyleAttr,
        properties: Option<String>,
        _text: &str,
    ) {
        // As layout-rs's own writer: the first pair is the exit vector of
        // the source, each later pair the entry into the next point.
        let [(start, exit), (control, point), rest @ ..] = path else {
            return;
        };
        let mut d = format!(
            "M {:.1} {:.1} C {:.1} {:.1}, {:.1} {:.1}, {:.1} {:.1}",
            start.x, start.y, exit.x, exit.y, control.x, control.y, point.x, point.y
        );
        for (control, point) in rest {
            let _ = write!(
                d,
                " S {:.1} {:.1}, {:.1} {:.1}",
                control.x, control.y, point.x, point.y
            );
        }
        for (a, b) in path {
            self.include(*a);
            self.include(*b);
        }
        let _ = writeln!(
            self.edges,
            "<g {}><path d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{}{}{}/></g>",
            properties.unwrap_or_default(),
            look.line_color.to_web_color(),
            look.line_width,
            if dashed {
                " stroke-dasharray=\"5,5\""
            } else {
                ""
            },
            if head.0 {
                " marker-start=\"url(#startarrow)\""
            } else {
                ""
            },
            if head.1 {
                " marker-end=\"url(#endarrow)\""
            } else {
                ""
            },
        );
    }

    fn create_clip(&mut self, _xy: Point, _size: Point, _rounded_px: usize) -> ClipHandle {
        // Only records clip, and pictures draw none.
        0
    }
}
