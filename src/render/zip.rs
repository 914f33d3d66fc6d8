//! The ZIP container of the office formats (ODT, DOCX): written with fixed timestamps in the
//! order given, so that the same entries give the same bytes; read back for a reference document.
//!
//! Only what these formats need: stored and deflated entries, no ZIP64, no encryption.

use flate2::Crc;
use flate2::write::DeflateEncoder;
use std::io::{Read, Write};

/// How an entry is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Stored,
    Deflated,
}

/// A ZIP archive being written, in memory.
pub struct ZipWriter {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
}

/// 1980-01-01 00:00:00, the first moment a ZIP timestamp can say: every entry has it.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;

impl ZipWriter {
    pub fn new() -> ZipWriter {
        ZipWriter { out: Vec::new(), central: Vec::new(), entries: 0 }
    }

    /// Add an entry. Names are ASCII paths with `/`.
    pub fn add(&mut self, name: &str, data: &[u8], method: Method) {
        debug_assert!(name.is_ascii() && !name.starts_with('/'));
        let mut crc = Crc::new();
        crc.update(data);
        let compressed;
        let (code, stored): (u16, &[u8]) = match method {
            Method::Stored => (0, data),
            Method::Deflated => {
                let mut e = DeflateEncoder::new(Vec::new(), flate2::Compression::default());
                e.write_all(data).expect("deflate into memory");
                compressed = e.finish().expect("deflate into memory");
                (8, &compressed)
            }
        };
        let offset = self.out.len() as u32;
        let fields = |b: &mut Vec<u8>| {
            put16(b, 20); // version needed: 2.0 (deflate)
            put16(b, 0); // flags
            put16(b, code);
            put16(b, DOS_TIME);
            put16(b, DOS_DATE);
            put32(b, crc.sum());
            put32(b, stored.len() as u32);
            put32(b, data.len() as u32);
            put16(b, name.len() as u16);
            put16(b, 0); // extra field
        };
        put32(&mut self.out, 0x0403_4b50);
        fields(&mut self.out);
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(stored);

        put32(&mut self.central, 0x0201_4b50);
        put16(&mut self.central, 20); // made by: 2.0, MS-DOS attributes
        fields(&mut self.central);
        put16(&mut self.central, 0); // comment
        put16(&mut self.central, 0); // disk
        put16(&mut self.central, 0); // internal attributes
        put32(&mut self.central, 0); // external attributes
        put32(&mut self.central, offset);
        self.central.extend_from_slice(name.as_bytes());
        self.entries += 1;
    }

    /// The archive's bytes.
    pub fn finish(mut self) -> Vec<u8> {
        let start = self.out.len() as u32;
        self.out.extend_from_slice(&self.central);
        put32(&mut self.out, 0x0605_4b50);
        put16(&mut self.out, 0);
        put16(&mut self.out, 0);
        put16(&mut self.out, self.entries);
        put16(&mut self.out, self.entries);
        put32(&mut self.out, self.central.len() as u32);
        put32(&mut self.out, start);
        put16(&mut self.out, 0);
        self.out
    }
}

impl Default for ZipWriter {
    fn default() -> Self {
        ZipWriter::new()
    }
}

fn put16(b: &mut Vec<u8>, v: u16) {
    b.extend_from_slice(&v.to_le_bytes());
}

fn put32(b: &mut Vec<u8>, v: u32) {
    b.extend_from_slice(&v.to_le_bytes());
}

/// An entry of an archive read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub method: Method,
    pub data: Vec<u8>,
}

/// The largest entry [`read`] unpacks: an office document's parts are far smaller.
const MAX_ENTRY: u64 = 64 << 20;

/// Every entry of an archive, in the order of its central directory.
pub fn read(bytes: &[u8]) -> Result<Vec<Entry>, String> {
    let u16_at = |i: usize| -> Result<u16, String> {
        bytes.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]])).ok_or_else(|| crate::t!("build-zip-truncated"))
    };
    let u32_at = |i: usize| -> Result<u32, String> {
        bytes
            .get(i..i + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .ok_or_else(|| crate::t!("build-zip-truncated"))
    };
    // The end record: 22 bytes and a comment of at most 64 KiB, at the end.
    let lowest = bytes.len().saturating_sub(22 + 0xffff);
    let end = (lowest..=bytes.len().saturating_sub(22))
        .rev()
        .find(|&i| bytes[i..i + 4] == [0x50, 0x4b, 0x05, 0x06])
        .ok_or_else(|| crate::t!("build-zip-not-zip"))?;
    let count = u16_at(end + 10)? as usize;
    let mut at = u32_at(end + 16)? as usize;
    if at == 0xffff_ffff {
        return Err(crate::t!("build-zip-zip64"));
    }
    let mut entries = Vec::with_capacity(count);
    for _ in 0..count {
        if u32_at(at)? != 0x0201_4b50 {
            return Err(crate::t!("build-zip-broken-directory"));
        }
        let flags = u16_at(at + 8)?;
        let method = match u16_at(at + 10)? {
            0 => Method::Stored,
            8 => Method::Deflated,
            m => return Err(crate::t!("build-zip-method", method = m)),
        };
        if flags & 1 != 0 {
            return Err(crate::t!("build-zip-encrypted"));
        }
        let crc = u32_at(at + 16)?;
        let compressed = u32_at(at + 20)? as usize;
        let size = u32_at(at + 24)? as u64;
        let name_len = u16_at(at + 28)? as usize;
        let extra_len = u16_at(at + 30)? as usize;
        let comment_len = u16_at(at + 32)? as usize;
        let local = u32_at(at + 42)? as usize;
        let name = bytes.get(at + 46..at + 46 + name_len).ok_or_else(|| crate::t!("build-zip-truncated"))?;
        let name = String::from_utf8_lossy(name).into_owned();
        at += 46 + name_len + extra_len + comment_len;
        if size > MAX_ENTRY {
            return Err(format!("{name}: {}", crate::t!("build-zip-too-large", mib = MAX_ENTRY >> 20)));
        }
        if u32_at(local)? != 0x0403_4b50 {
            return Err(format!("{name}: {}", crate::t!("build-zip-broken-header")));
        }
        let start = local + 30 + u16_at(local + 26)? as usize + u16_at(local + 28)? as usize;
        let raw = bytes
            .get(start..start + compressed)
            .ok_or_else(|| format!("{name}: {}", crate::t!("build-zip-truncated")))?;
        let data = match method {
            Method::Stored => raw.to_vec(),
            Method::Deflated => {
                let mut data = Vec::with_capacity(size as usize);
                flate2::read::DeflateDecoder::new(raw)
                    .take(MAX_ENTRY + 1)
                    .read_to_end(&mut data)
                    .map_err(|e| format!("{name}: {e}"))?;
                data
            }
        };
        let mut check = Crc::new();
        check.update(&data);
        if check.sum() != crc || data.len() as u64 != size {
            return Err(format!("{name}: {}", crate::t!("build-zip-checksum")));
        }
        entries.push(Entry { name, method, data });
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_read_back_as_written_and_the_same_entries_give_the_same_bytes() {
        let write = || {
            let mut z = ZipWriter::new();
            z.add("mimetype", b"application/vnd.oasis.opendocument.text", Method::Stored);
            z.add("content.xml", "<x>één</x>".repeat(100).as_bytes(), Method::Deflated);
            z.finish()
        };
        let bytes = write();
        assert_eq!(bytes, write());
        assert_eq!(&bytes[30..38], b"mimetype", "the first entry's name right after its header");
        let entries = read(&bytes).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].method, Method::Stored);
        assert_eq!(entries[1].data, "<x>één</x>".repeat(100).as_bytes());
        assert!(read(b"PK not a zip").is_err());
    }
}
