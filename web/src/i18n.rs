//! The interface in English, French and Spanish. Profile text comes from the profile
//! itself, in the chosen language with the profile's default as fallback.

use serde::{Deserialize, Serialize};

/// An interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// French.
    Fr,
    /// Spanish.
    Es,
}

impl Lang {
    /// Every language, in the order of the switcher.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fr, Lang::Es];

    /// The language code used in profiles.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }

    /// The language from its code, if it is one of the three.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language of a BCP 47 tag such as "fr-CA", if it is one of the three.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::from_code(&tag.get(..2)?.to_ascii_lowercase())
            .filter(|_| tag.len() == 2 || tag.as_bytes()[2] == b'-')
    }

    /// The interface strings added for moving through the app, imports, drafts and
    /// diagnostics (issue 14), kept apart from [`Texts`].
    pub fn ux(self) -> &'static Ux {
        match self {
            Lang::En => &UX_EN,
            Lang::Fr => &UX_FR,
            Lang::Es => &UX_ES,
        }
    }

    /// The language's own name.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
        }
    }

    /// The interface strings.
    pub fn t(self) -> &'static Texts {
        match self {
            Lang::En => &EN,
            Lang::Fr => &FR,
            Lang::Es => &ES,
        }
    }
}

/// Every string of the interface.
#[derive(Debug)]
pub struct Texts {
    pub app_title: &'static str,
    pub tagline: &'static str,
    pub language: &'static str,
    pub nav_start: &'static str,
    pub nav_questionnaire: &'static str,
    pub nav_results: &'static str,
    pub nav_framework: &'static str,
    pub new_assessment: &'static str,
    pub profile: &'static str,
    pub own_profile: &'static str,
    pub administration: &'static str,
    pub code: &'static str,
    pub cycle: &'static str,
    pub as_of: &'static str,
    pub start: &'static str,
    pub drafts: &'static str,
    pub no_drafts: &'static str,
    pub resume: &'static str,
    pub delete: &'static str,
    pub saved_at: &'static str,
    pub import: &'static str,
    pub import_hint: &'static str,
    pub import_failed: &'static str,
    pub export_yaml: &'static str,
    pub export_json: &'static str,
    pub unexported: &'static str,
    pub all_exported: &'static str,
    pub storage_full: &'static str,
    pub storage_unavailable: &'static str,
    /// Shown by the page's script when the app stops on an internal error (a trap).
    pub crashed: &'static str,
    pub not_applicable: &'static str,
    pub reason: &'static str,
    pub evidence: &'static str,
    pub add_evidence: &'static str,
    pub remove: &'static str,
    pub note: &'static str,
    pub clear_answer: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub percent: &'static str,
    pub sources_cited: &'static str,
    pub help: &'static str,
    pub answered: &'static str,
    pub critical: &'static str,
    pub score: &'static str,
    pub no_draft: &'static str,
    pub invalid_answers: &'static str,
    pub by_domain: &'static str,
    pub by_phase: &'static str,
    pub by_source: &'static str,
    pub your_answer: &'static str,
    /// What stands between a label and its value: French puts a narrow no-break space first.
    pub colon: &'static str,
    pub unanswered: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub data_table: &'static str,
    pub close: &'static str,
    pub own: &'static str,
    pub drafted_only: &'static str,
    pub target_next: &'static str,
    pub no_target: &'static str,
    pub details: &'static str,
    pub assessors: &'static str,
    pub assessors_hint: &'static str,
    pub confirm_delete: &'static str,
    pub confirm_delete_unexported: &'static str,
    pub print: &'static str,
    /// Beside a percentage box.
    pub percent_hint: &'static str,
    /// Entries refused by a number or percentage box (see `numbers::Refusal`).
    pub not_a_number: &'static str,
    pub percent_out_of_range: &'static str,
    pub negative: &'static str,
    /// For a percentage typed strictly between 0 and 1; `{}` is the percentage meant.
    pub did_you_mean: &'static str,
    pub apply_suggestion: &'static str,
    /// The domain menu of the questionnaire on a narrow screen.
    pub domain: &'static str,
}

pub static EN: Texts = Texts {
    app_title: "TradeReady",
    tagline: "How ready is your administration to keep trade moving through a disruption?",
    language: "Language",
    nav_start: "Start",
    nav_questionnaire: "Questionnaire",
    nav_results: "Results",
    nav_framework: "Framework",
    new_assessment: "New assessment",
    profile: "Profile",
    own_profile: "Use a profile file of your own",
    administration: "Administration",
    code: "Code",
    cycle: "Review cycle",
    as_of: "Reference date",
    start: "Start",
    drafts: "Saved drafts",
    no_drafts: "No draft saved in this browser.",
    resume: "Resume",
    delete: "Delete",
    saved_at: "last saved",
    import: "Import an assessment file",
    import_hint: "Choose a YAML or JSON file, or drop it here.",
    import_failed: "The file was not imported; your current draft is unchanged.",
    export_yaml: "Export YAML",
    export_json: "Export JSON",
    unexported: "Changes not yet exported: browser storage can be cleared, a file is the durable copy.",
    all_exported: "Everything is exported.",
    storage_full: "Browser storage is full: this change is not saved. Export your assessment now.",
    storage_unavailable: "This browser does not allow saving: export your assessment to keep it.",
    crashed: "TradeReady stopped on an internal error. Your draft is saved in this browser up to your last change before the error: reload the page to go on.",
    not_applicable: "Not applicable",
    reason: "Reason",
    evidence: "Evidence",
    add_evidence: "Add evidence",
    remove: "Remove",
    note: "Note",
    clear_answer: "Clear answer",
    yes: "Yes",
    no: "No",
    percent: "%",
    sources_cited: "Provisions cited",
    help: "Guidance",
    answered: "answered",
    critical: "critical",
    score: "Score",
    no_draft: "Start or resume an assessment first.",
    invalid_answers: "These answers are not counted until they are corrected:",
    by_domain: "By domain",
    by_phase: "By phase",
    by_source: "By source provision",
    your_answer: "Your answer",
    colon: ": ",
    unanswered: "not answered",
    previous: "Previous",
    next: "Next",
    data_table: "Data",
    close: "Close",
    own: "your file",
    drafted_only: "Some indicators have evidence or a note but no answer yet: the exports keep them, and they count as not answered until they are answered:",
    target_next: "Target for the next cycle",
    no_target: "No target (full marks)",
    details: "Assessment details",
    assessors: "Assessors",
    assessors_hint: "One per line",
    confirm_delete: "Delete this draft from this browser? Exported files are not affected.",
    confirm_delete_unexported: "Delete this draft from this browser? It has changes that are in no exported file: they will be lost.",
    print: "Print or save as PDF",
    percent_hint: "Enter a percentage from 0 to 100.",
    not_a_number: "Not saved: this is not a number. Write digits, with a point or a comma for decimals (45.5 or 45,5).",
    percent_out_of_range: "Not saved: a percentage goes from 0 to 100.",
    negative: "Not saved: this number cannot be negative.",
    did_you_mean: "Saved as typed, under 1 %. Did you mean {} %?",
    apply_suggestion: "Use {} %",
    domain: "Domain",
};

pub static FR: Texts = Texts {
    app_title: "TradeReady",
    tagline: "Votre administration est-elle prête à maintenir les échanges pendant une perturbation ?",
    language: "Langue",
    nav_start: "Accueil",
    nav_questionnaire: "Questionnaire",
    nav_results: "Résultats",
    nav_framework: "Référentiel",
    new_assessment: "Nouvelle évaluation",
    profile: "Profil",
    own_profile: "Utiliser votre propre fichier de profil",
    administration: "Administration",
    code: "Code",
    cycle: "Cycle d'examen",
    as_of: "Date de référence",
    start: "Commencer",
    drafts: "Brouillons enregistrés",
    no_drafts: "Aucun brouillon enregistré dans ce navigateur.",
    resume: "Reprendre",
    delete: "Supprimer",
    saved_at: "dernier enregistrement",
    import: "Importer un fichier d'évaluation",
    import_hint: "Choisissez un fichier YAML ou JSON, ou déposez-le ici.",
    import_failed: "Le fichier n'a pas été importé ; votre brouillon actuel est inchangé.",
    export_yaml: "Exporter en YAML",
    export_json: "Exporter en JSON",
    unexported: "Modifications non exportées : le stockage du navigateur peut être effacé, un fichier est la copie durable.",
    all_exported: "Tout est exporté.",
    storage_full: "Le stockage du navigateur est plein : cette modification n'est pas enregistrée. Exportez votre évaluation maintenant.",
    storage_unavailable: "Ce navigateur n'autorise pas l'enregistrement : exportez votre évaluation pour la conserver.",
    crashed: "TradeReady s'est arrêté sur une erreur interne. Votre brouillon est enregistré dans ce navigateur jusqu'à votre dernière modification avant l'erreur : rechargez la page pour continuer.",
    not_applicable: "Sans objet",
    reason: "Motif",
    evidence: "Justificatifs",
    add_evidence: "Ajouter un justificatif",
    remove: "Retirer",
    note: "Note",
    clear_answer: "Effacer la réponse",
    yes: "Oui",
    no: "Non",
    percent: "%",
    sources_cited: "Dispositions citées",
    help: "Conseils",
    answered: "répondues",
    critical: "critique",
    score: "Score",
    no_draft: "Commencez ou reprenez d'abord une évaluation.",
    invalid_answers: "Ces réponses ne sont pas comptées tant qu'elles ne sont pas corrigées :",
    by_domain: "Par domaine",
    by_phase: "Par phase",
    by_source: "Par disposition",
    your_answer: "Votre réponse",
    colon: "\u{202f}: ",
    unanswered: "sans réponse",
    previous: "Précédent",
    next: "Suivant",
    data_table: "Données",
    close: "Fermer",
    own: "votre fichier",
    drafted_only: "Certains indicateurs ont des justificatifs ou une note mais pas encore de réponse : les exports les gardent, et ils comptent comme sans réponse tant qu'ils ne sont pas renseignés :",
    target_next: "Cible pour le prochain cycle",
    no_target: "Pas de cible (note maximale)",
    details: "Détails de l'évaluation",
    assessors: "Évaluateurs",
    assessors_hint: "Un par ligne",
    confirm_delete: "Supprimer ce brouillon de ce navigateur ? Les fichiers exportés ne sont pas touchés.",
    confirm_delete_unexported: "Supprimer ce brouillon de ce navigateur ? Il contient des modifications qui ne sont dans aucun fichier exporté : elles seront perdues.",
    print: "Imprimer ou enregistrer en PDF",
    percent_hint: "Saisissez un pourcentage de 0 à 100.",
    not_a_number: "Non enregistré : ce n'est pas un nombre. Écrivez des chiffres, avec une virgule ou un point pour les décimales (45,5 ou 45.5).",
    percent_out_of_range: "Non enregistré : un pourcentage va de 0 à 100.",
    negative: "Non enregistré : ce nombre ne peut pas être négatif.",
    did_you_mean: "Enregistré tel quel, sous 1 %. Vouliez-vous dire {} % ?",
    apply_suggestion: "Mettre {} %",
    domain: "Domaine",
};

pub static ES: Texts = Texts {
    app_title: "TradeReady",
    tagline: "¿Está su administración preparada para mantener el comercio durante una perturbación?",
    language: "Idioma",
    nav_start: "Inicio",
    nav_questionnaire: "Cuestionario",
    nav_results: "Resultados",
    nav_framework: "Marco",
    new_assessment: "Nueva evaluación",
    profile: "Perfil",
    own_profile: "Usar su propio archivo de perfil",
    administration: "Administración",
    code: "Código",
    cycle: "Ciclo de examen",
    as_of: "Fecha de referencia",
    start: "Comenzar",
    drafts: "Borradores guardados",
    no_drafts: "No hay borradores guardados en este navegador.",
    resume: "Reanudar",
    delete: "Eliminar",
    saved_at: "último guardado",
    import: "Importar un archivo de evaluación",
    import_hint: "Elija un archivo YAML o JSON, o suéltelo aquí.",
    import_failed: "El archivo no se importó; su borrador actual no ha cambiado.",
    export_yaml: "Exportar YAML",
    export_json: "Exportar JSON",
    unexported: "Cambios sin exportar: el almacenamiento del navegador puede borrarse, un archivo es la copia duradera.",
    all_exported: "Todo está exportado.",
    storage_full: "El almacenamiento del navegador está lleno: este cambio no se guardó. Exporte su evaluación ahora.",
    storage_unavailable: "Este navegador no permite guardar: exporte su evaluación para conservarla.",
    crashed: "TradeReady se detuvo por un error interno. Su borrador está guardado en este navegador hasta su último cambio antes del error: recargue la página para continuar.",
    not_applicable: "No aplicable",
    reason: "Motivo",
    evidence: "Evidencias",
    add_evidence: "Añadir evidencia",
    remove: "Quitar",
    note: "Nota",
    clear_answer: "Borrar la respuesta",
    yes: "Sí",
    no: "No",
    percent: "%",
    sources_cited: "Disposiciones citadas",
    help: "Orientación",
    answered: "respondidas",
    critical: "crítico",
    score: "Puntuación",
    no_draft: "Primero comience o reanude una evaluación.",
    invalid_answers: "Estas respuestas no se cuentan hasta que se corrijan:",
    by_domain: "Por dominio",
    by_phase: "Por fase",
    by_source: "Por disposición",
    your_answer: "Su respuesta",
    colon: ": ",
    unanswered: "sin respuesta",
    previous: "Anterior",
    next: "Siguiente",
    data_table: "Datos",
    close: "Cerrar",
    own: "su archivo",
    drafted_only: "Algunos indicadores tienen evidencias o una nota pero aún no tienen respuesta: las exportaciones los conservan, y cuentan como sin respuesta hasta que se respondan:",
    target_next: "Meta para el próximo ciclo",
    no_target: "Sin meta (puntuación máxima)",
    details: "Datos de la evaluación",
    assessors: "Evaluadores",
    assessors_hint: "Uno por línea",
    confirm_delete: "¿Eliminar este borrador de este navegador? Los archivos exportados no se ven afectados.",
    confirm_delete_unexported: "¿Eliminar este borrador de este navegador? Tiene cambios que no están en ningún archivo exportado: se perderán.",
    print: "Imprimir o guardar como PDF",
    percent_hint: "Introduzca un porcentaje de 0 a 100.",
    not_a_number: "No guardado: no es un número. Escriba cifras, con coma o punto para los decimales (45,5 o 45.5).",
    percent_out_of_range: "No guardado: un porcentaje va de 0 a 100.",
    negative: "No guardado: este número no puede ser negativo.",
    did_you_mean: "Guardado tal cual, por debajo del 1 %. ¿Quería decir {} %?",
    apply_suggestion: "Poner {} %",
    domain: "Dominio",
};

// Issue 14: moving through the app, imports, drafts and diagnostics. A group of its own.

/// Interface strings of [`Lang::ux`]. In the sentences about a problem, `{q}` is the
/// question's title, `{f}` a field's name and `{l}` the levels a question takes.
#[derive(Debug)]
pub struct Ux {
    pub skip: &'static str,
    /// Before the list of fields "Start" still needs.
    pub still_needed: &'static str,
    /// Screen-reader text of the mark beside a draft with changes not exported.
    pub unexported_mark: &'static str,
    pub same_as_draft: &'static str,
    pub storage_full: &'static str,
    /// Evidence the profile suggests, each a button that adds it.
    pub suggested: &'static str,
    pub add_item: &'static str,
    /// A score not computed (no answer counts).
    pub no_score: &'static str,
    pub value_and_na: &'static str,
    pub empty_na: &'static str,
    pub na_on_cap: &'static str,
    pub bad_level: &'static str,
    pub wrong_type: &'static str,
    pub out_of_range: &'static str,
    pub date_form: &'static str,
    pub date_after: &'static str,
    pub date_target: &'static str,
    pub unknown_indicator: &'static str,
    pub replaced_by: &'static str,
    pub unknown_field: &'static str,
    pub empty_text: &'static str,
    /// `{q}` when the problem is with a target, not the answer.
    pub target_of: &'static str,
}

pub static UX_EN: Ux = Ux {
    skip: "Skip to content",
    still_needed: "Still needed: ",
    unexported_mark: "changes not exported",
    same_as_draft: "This file is the same as a draft already saved in this browser: that draft is open, and no copy was made.",
    storage_full: "browser storage is full",
    suggested: "Suggested (click to add):",
    add_item: "Add",
    no_score: "n/a",
    value_and_na: "“{q}” has both an answer and “not applicable”: keep one.",
    empty_na: "“{q}” is marked not applicable without a reason: write the reason.",
    na_on_cap: "“{q}” cannot be not applicable: a cap depends on it.",
    bad_level: "The answer to “{q}” must be one of its levels ({l}).",
    wrong_type: "The answer to “{q}” is not of the kind this question takes.",
    out_of_range: "The answer to “{q}” is a share and must be from 0 to 1.",
    date_form: "“{q}” must be a real date, written YYYY-MM-DD.",
    date_after: "The date given for “{q}” is after the reference date.",
    date_target: "“{q}” is answered with a date and takes no target.",
    unknown_indicator: "“{q}” is not a question of this profile.",
    replaced_by: "It was replaced by “{q}”.",
    unknown_field: "Unknown field “{f}”.",
    empty_text: "“{f}” is empty.",
    target_of: "{q} (target)",
};

pub static UX_FR: Ux = Ux {
    skip: "Aller au contenu",
    still_needed: "Encore à remplir : ",
    unexported_mark: "modifications non exportées",
    same_as_draft: "Ce fichier est identique à un brouillon déjà enregistré dans ce navigateur : ce brouillon est ouvert, aucune copie n'a été créée.",
    storage_full: "le stockage du navigateur est plein",
    suggested: "Suggestions (cliquez pour ajouter) :",
    add_item: "Ajouter",
    no_score: "s.o.",
    value_and_na: "« {q} » a à la fois une réponse et « sans objet » : n'en gardez qu'un.",
    empty_na: "« {q} » est marqué sans objet sans motif : indiquez le motif.",
    na_on_cap: "« {q} » ne peut pas être sans objet : un plafond en dépend.",
    bad_level: "La réponse à « {q} » doit être un de ses niveaux ({l}).",
    wrong_type: "La réponse à « {q} » n'est pas du type attendu par cette question.",
    out_of_range: "La réponse à « {q} » est une part et doit aller de 0 à 1.",
    date_form: "« {q} » doit être une date réelle, écrite AAAA-MM-JJ.",
    date_after: "La date donnée pour « {q} » est postérieure à la date de référence.",
    date_target: "« {q} » se répond par une date et n'a pas de cible.",
    unknown_indicator: "« {q} » n'est pas une question de ce profil.",
    replaced_by: "Elle a été remplacée par « {q} ».",
    unknown_field: "Champ inconnu « {f} ».",
    empty_text: "« {f} » est vide.",
    target_of: "{q} (cible)",
};

pub static UX_ES: Ux = Ux {
    skip: "Ir al contenido",
    still_needed: "Falta completar: ",
    unexported_mark: "cambios sin exportar",
    same_as_draft: "Este archivo es idéntico a un borrador ya guardado en este navegador: ese borrador está abierto y no se creó ninguna copia.",
    storage_full: "el almacenamiento del navegador está lleno",
    suggested: "Sugerencias (pulse para añadir):",
    add_item: "Añadir",
    no_score: "n/d",
    value_and_na: "«{q}» tiene a la vez una respuesta y «no aplicable»: conserve solo uno.",
    empty_na: "«{q}» está marcado como no aplicable sin motivo: escriba el motivo.",
    na_on_cap: "«{q}» no puede ser no aplicable: un límite depende de él.",
    bad_level: "La respuesta a «{q}» debe ser uno de sus niveles ({l}).",
    wrong_type: "La respuesta a «{q}» no es del tipo que admite esta pregunta.",
    out_of_range: "La respuesta a «{q}» es una proporción y debe ir de 0 a 1.",
    date_form: "«{q}» debe ser una fecha real, escrita AAAA-MM-DD.",
    date_after: "La fecha indicada para «{q}» es posterior a la fecha de referencia.",
    date_target: "«{q}» se responde con una fecha y no admite meta.",
    unknown_indicator: "«{q}» no es una pregunta de este perfil.",
    replaced_by: "Fue sustituida por «{q}».",
    unknown_field: "Campo desconocido «{f}».",
    empty_text: "«{f}» está vacío.",
    target_of: "{q} (meta)",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_tag("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("es"), Some(Lang::Es));
        assert_eq!(Lang::from_tag("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de-DE"), None);
        assert_eq!(Lang::from_tag("frr"), None);
        assert_eq!(Lang::from_tag("f"), None);
    }

    #[test]
    fn translations_differ_from_english_where_they_should() {
        assert_ne!(FR.nav_start, EN.nav_start);
        assert_ne!(ES.import_failed, EN.import_failed);
    }
}
